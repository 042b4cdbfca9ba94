import { chatScenario } from './scenario.ts';
import { slackDriver } from './slack-driver.ts';

chatScenario('Slack', slackDriver);
