import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { ActionInput } from '../../src/commands/handler.ts';
import { renderNotice } from '../../src/commands/notices.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { deliverDirectMessages } from '../../src/service/deliver-direct-messages.ts';
import type { TestDb } from './db.ts';

/** The chat layer as a person uses it, on a test database: a command, a button, their DMs. */
export const chatOn = (db: TestDb, log: (e: unknown) => void = () => {}) => {
  const context = (email: string) => ({ service: db.ctx, actor: { email } });
  return {
    say: (email: string, text: string) => runCommand(context(email), text, log),
    act: (email: string, action: string, payload: ActionInput['payload'], values?: ActionInput['values']) =>
      runAction(context(email), action, { payload, values }, log),
    /** Pending direct messages to a person, oldest first, marked delivered (as the shell reads them). */
    inbox: async (email: string): Promise<Reply[]> =>
      (await deliverDirectMessages(db.ctx, { email })).map((m) => renderNotice(m.notice)),
  };
};
