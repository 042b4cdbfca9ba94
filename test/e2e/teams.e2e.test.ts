import { chatScenario } from './scenario.ts';
import { teamsDriver } from './teams-driver.ts';

chatScenario('Teams', teamsDriver);
