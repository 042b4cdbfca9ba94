import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { ActionInput } from '../../src/commands/handler.ts';
import { parseNotice, renderNotice } from '../../src/commands/notices.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { TestDb } from './db.ts';

/** The chat layer as a person uses it, on a test database: a command, a button, their DMs. */
export const chatOn = (db: TestDb, log: (e: unknown) => void = () => {}) => {
  const context = (email: string) => ({ service: db.ctx, actor: { email } });
  return {
    say: (email: string, text: string) => runCommand(context(email), text, log),
    act: (email: string, action: string, payload: ActionInput['payload'], values?: ActionInput['values']) =>
      runAction(context(email), action, { payload, values }, log),
    /** Pending direct messages to a person, oldest first, marked delivered. */
    inbox: async (email: string): Promise<Reply[]> => {
      const rows = await db.em.fork().execute<{ kind: string; payload: Record<string, unknown> | string }[]>(
        `with sent as (
           update outbox o set status = 'sent', sent_at = now()
           from account a where a.id = o.recipient_id and a.email = ? and o.status = 'pending'
           returning o.kind, o.payload, o.created_at, o.id)
         select kind, payload from sent order by created_at, id`,
        [email],
      );
      return rows.map((r) =>
        renderNotice(parseNotice(r.kind, typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)),
      );
    },
  };
};
