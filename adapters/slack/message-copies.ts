import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reply } from '../../src/commands/reply.ts';
import { isLocale, type Locale } from '../../src/i18n/locale.ts';

export interface MessageCopy {
  id: string;
  teamId: string;
  channel: string;
  ts: string;
  userId: string;
  reply: Reply;
  /** the language the copy was written in (its recipient's); null for copies stored before it was kept */
  locale: Locale | null;
  decision: string | null;
  result: string | null;
}

/** The stored reply of a copy: the reply as posted, and the language it was written in. */
type StoredReply = Reply & { locale?: string };

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

export const recordCopy = (
  em: EntityManager,
  subject: string,
  c: Omit<MessageCopy, 'id' | 'decision' | 'result'>,
) =>
  em.fork().execute(
    `insert into slack_message (subject, team_id, channel, ts, user_id, reply) values (?, ?, ?, ?, ?, ?)
       on conflict (channel, ts) do nothing`,
    [
      subject,
      c.teamId,
      c.channel,
      c.ts,
      c.userId,
      JSON.stringify({ ...c.reply, ...(c.locale ? { locale: c.locale } : {}) } satisfies StoredReply),
    ],
  );

type CopyRow = {
  id: string | number;
  team_id: string;
  channel: string;
  ts: string;
  user_id: string;
  reply: StoredReply | string;
  decision: string | null;
  result: string | null;
};

const toCopy = (r: CopyRow): MessageCopy => {
  const { locale, ...reply } = typeof r.reply === 'string' ? (JSON.parse(r.reply) as StoredReply) : r.reply;
  return {
    id: String(r.id),
    teamId: r.team_id,
    channel: r.channel,
    ts: r.ts,
    userId: r.user_id,
    reply,
    locale: isLocale(locale) ? locale : null,
    decision: r.decision,
    result: r.result,
  };
};

const COPY_COLUMNS = 'id, team_id, channel, ts, user_id, reply, decision, result';

export const copiesOf = async (em: EntityManager, subject: string): Promise<MessageCopy[]> => {
  const rows = await em
    .fork()
    .execute<CopyRow[]>(`select ${COPY_COLUMNS} from slack_message where subject = ? order by id`, [subject]);
  return rows.map(toCopy);
};

/**
 * Records the decision line a copy shows from now on (the first one recorded stays); returns the
 * copy as it is now.
 */
export const recordDecision = async (em: EntityManager, copyId: string, decision: string) => {
  const [row] = await em
    .fork()
    .execute<CopyRow[]>(
      `update slack_message set decision = coalesce(decision, ?) where id = ? returning ${COPY_COLUMNS}`,
      [decision, copyId],
    );
  return row ? toCopy(row) : null;
};

/**
 * Records the outcome one recipient's copies show (each recipient's result notice is in their own
 * language); returns the copies that did not show it yet, to be redrawn.
 */
export const recordResult = async (
  em: EntityManager,
  subject: string,
  recipient: { teamId: string; userId: string },
  result: string,
) => {
  const rows = await em.fork().execute<CopyRow[]>(
    `update slack_message set result = ?
       where subject = ? and team_id = ? and user_id = ? and result is distinct from ?
       returning ${COPY_COLUMNS}`,
    [result, subject, recipient.teamId, recipient.userId, result],
  );
  return rows.map(toCopy);
};

/**
 * Gives a recipient's undecided copies of a message a newer version of it (the request they are
 * asked about shrank), in the language it is written in, so a decision later redraws from that;
 * returns those copies. A decided copy keeps what it showed.
 */
export const replaceOpenCopies = async (
  em: EntityManager,
  subject: string,
  recipient: { teamId: string; userId: string },
  reply: Reply,
  locale: Locale | null,
) => {
  const rows = await em.fork().execute<CopyRow[]>(
    `update slack_message set reply = ?
       where subject = ? and team_id = ? and user_id = ? and decision is null
       returning ${COPY_COLUMNS}`,
    [
      JSON.stringify({ ...reply, ...(locale ? { locale } : {}) } satisfies StoredReply),
      subject,
      recipient.teamId,
      recipient.userId,
    ],
  );
  return rows.map(toCopy);
};

/**
 * A recipient's first copy of a message in one workspace (for a purchase: the approval request
 * itself, before any reminder about it), the message a later notice about it replies under.
 */
export const firstCopyFor = async (
  em: EntityManager,
  subject: string,
  recipient: { teamId: string; userId: string },
): Promise<MessageCopy | null> => {
  const [row] = await em.fork().execute<CopyRow[]>(
    `select ${COPY_COLUMNS} from slack_message
       where subject = ? and team_id = ? and user_id = ? order by id limit 1`,
    [subject, recipient.teamId, recipient.userId],
  );
  return row ? toCopy(row) : null;
};
