import type { EntityManager } from '@mikro-orm/postgresql';

/** A claimed outbox row with its recipient, as the worker delivers it. */
export interface ClaimedOutboxRow {
  id: string;
  kind: string;
  /** jsonb comes back parsed; the embedded database may hand back the JSON text */
  payload: Record<string, unknown> | string;
  attempts: number;
  recipientId: string;
  email: string;
  name: string | null;
  /** the recipient's chosen language, their platform's last locale, the organization's default */
  languages: { language: string | null; platformLocale: string | null; organizationLanguage: string | null };
  /** the time zone the recipient's platform last reported; null: times in UTC */
  zone: string | null;
}

/**
 * Claims the next due row (SKIP LOCKED: two workers never take the same one) by pushing its next
 * attempt to `leaseUntil` and counting the attempt; undefined when nothing is due at `now`.
 */
export const claimNextDue = async (
  em: EntityManager,
  now: Date,
  leaseUntil: Date,
): Promise<ClaimedOutboxRow | undefined> => {
  const [row] = await em.execute<
    {
      id: string;
      kind: string;
      payload: Record<string, unknown> | string;
      attempts: number;
      recipient_id: string;
      email: string;
      name: string | null;
      language: string | null;
      platform_locale: string | null;
      platform_zone: string | null;
      organization_language: string | null;
    }[]
  >(
    `update outbox o set attempts = o.attempts + 1, next_attempt_at = ?
     from account a
     where a.id = o.recipient_id and o.id in (
       select id from outbox
       where status = 'pending' and next_attempt_at <= ?
       order by next_attempt_at, created_at
       limit 1
       for update skip locked)
     returning o.id, o.kind, o.payload, o.attempts, o.recipient_id, a.email, a.name, a.language,
       a.platform_locale, a.platform_zone,
       (select g.language from organization g where g.id = o.organization_id) as organization_language`,
    [leaseUntil, now],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    recipientId: row.recipient_id,
    email: row.email,
    name: row.name,
    languages: {
      language: row.language,
      platformLocale: row.platform_locale,
      organizationLanguage: row.organization_language,
    },
    zone: row.platform_zone,
  };
};

/** Pushes the lease of a row still pending ahead to `leaseUntil`. */
export const renewLease = (em: EntityManager, id: string, leaseUntil: Date) =>
  em.execute(`update outbox set next_attempt_at = ? where id = ? and status = 'pending'`, [leaseUntil, id]);

export const markSent = (em: EntityManager, id: string, at: Date) =>
  em.execute(`update outbox set status = 'sent', sent_at = ?, last_error = null where id = ?`, [at, id]);

/** Gives up on a row: it stays visible (metrics, `status`) with its last error. */
export const markParked = (em: EntityManager, id: string, error: string) =>
  em.execute(`update outbox set status = 'parked', last_error = ? where id = ?`, [error, id]);

export const scheduleRetry = (em: EntityManager, id: string, at: Date, error: string) =>
  em.execute(`update outbox set next_attempt_at = ?, last_error = ? where id = ?`, [at, error, id]);

/** A pending row claimed for one recipient, delivered where they are reading (the shell). */
export interface ClaimedDirectMessage {
  id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  createdAt: Date;
}

/**
 * Claims every pending row of the account with this email at once, marking them sent at `at`
 * (the person is reading them now), oldest first. A row another deliverer holds (SKIP LOCKED)
 * is left to it.
 */
export const claimPendingFor = async (
  em: EntityManager,
  email: string,
  at: Date,
): Promise<ClaimedDirectMessage[]> => {
  const rows = await em.execute<
    { id: string; kind: string; payload: Record<string, unknown> | string; created_at: Date | string }[]
  >(
    `update outbox o set status = 'sent', sent_at = ?, attempts = o.attempts + 1, last_error = null
     where o.id in (
       select x.id from outbox x join account a on a.id = x.recipient_id
       where a.email = ? and x.status = 'pending'
       for update of x skip locked)
     returning o.id, o.kind, o.payload, o.created_at`,
    [at, email],
  );
  return rows
    .map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, createdAt: new Date(r.created_at) }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
};
