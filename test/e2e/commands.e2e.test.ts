import { commandsDriver } from './commands-driver.ts';
import { chatScenario } from './scenario.ts';

chatScenario('command layer', commandsDriver);
