import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reply } from '../../src/commands/reply.ts';

export interface MessageCopy {
  teamId: string;
  channel: string;
  ts: string;
  userId: string;
  reply: Reply;
  decision: string | null;
  result: string | null;
}

/**
 * What a message with buttons is about, from the ids its buttons carry: every copy of the same
 * approval request (one per approver) shares `purchase:<id>`.
 */
export const subjectOf = (payload: Record<string, unknown>): string | null => {
  if (payload.requestId) return `purchase:${String(payload.requestId)}`;
  if (payload.invitationId) return `invitation:${String(payload.invitationId)}`;
  if (payload.offerId) return `idle:${String(payload.offerId)}`;
  return null;
};

export const recordCopy = (em: EntityManager, subject: string, c: Omit<MessageCopy, 'decision' | 'result'>) =>
  em.fork().execute(
    `insert into slack_message (subject, team_id, channel, ts, user_id, reply) values (?, ?, ?, ?, ?, ?)
       on conflict (channel, ts) do nothing`,
    [subject, c.teamId, c.channel, c.ts, c.userId, JSON.stringify(c.reply)],
  );

export const copiesOf = async (em: EntityManager, subject: string): Promise<MessageCopy[]> => {
  const rows = await em.fork().execute<
    {
      team_id: string;
      channel: string;
      ts: string;
      user_id: string;
      reply: Reply | string;
      decision: string | null;
      result: string | null;
    }[]
  >(
    'select team_id, channel, ts, user_id, reply, decision, result from slack_message where subject = ? order by id',
    [subject],
  );
  return rows.map((r) => ({
    teamId: r.team_id,
    channel: r.channel,
    ts: r.ts,
    userId: r.user_id,
    reply: typeof r.reply === 'string' ? (JSON.parse(r.reply) as Reply) : r.reply,
    decision: r.decision,
    result: r.result,
  }));
};

/** Records the decision line every copy shows from now on (the first one recorded stays). */
export const recordDecision = (em: EntityManager, subject: string, decision: string) =>
  em
    .fork()
    .execute('update slack_message set decision = coalesce(decision, ?) where subject = ?', [
      decision,
      subject,
    ]);

/**
 * Records the outcome every copy shows; false when they already show it (the same result
 * notice goes to the requester and every approver, and the copies need updating only once).
 */
export const recordResult = async (em: EntityManager, subject: string, result: string) => {
  const rows = await em
    .fork()
    .execute<{ id: string }[]>(
      'update slack_message set result = ? where subject = ? and result is distinct from ? returning id',
      [result, subject, result],
    );
  return rows.length > 0;
};
