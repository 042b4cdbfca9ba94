import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ServiceContext } from '../../src/service/context.ts';
import type { AfterAck } from './after-ack.ts';

/** What every Slack handler runs with. */
export interface SlackDeps {
  service: ServiceContext;
  log: Logger;
  /** a command still running after this long is acked with "Working on it…" and finished later */
  ackAfterMs: number;
  /** runs a button's work after its ack, a bounded number at once (after-ack.ts) */
  afterAck: AfterAck;
  /** a Web API client for a workspace (its bot token), or null when it is not installed */
  clientFor(teamId: string): Promise<webApi.WebClient | null>;
}
