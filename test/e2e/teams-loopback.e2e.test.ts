import { startTeamsOnLoopback } from '../teams/harness.ts';
import { chatScenario } from './scenario.ts';
import { teamsDriverOn } from './teams-driver.ts';

// the whole story with Microsoft's side as a real HTTP server on loopback (login, keys, connector)
chatScenario('Teams on a loopback Microsoft', teamsDriverOn(startTeamsOnLoopback));
