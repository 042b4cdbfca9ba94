import type { EntityManager } from '@mikro-orm/postgresql';

// renewal_reminder has no mapping: one row per (contract, period end) whose summary went out.

/**
 * When a held seat was last used, or assigned if never since: the same expression as the idle
 * seat offers' IDLE_SINCE (src/service/offer-idle-seats.ts), which a repository cannot import.
 */
const IDLE_SINCE = 'greatest(s.last_used_at, s.assigned_at)';

/** Seats with auto-renew off, with the email of whoever holds each (null: free), by plan then email. */
export const endingSeatHolders = async (em: EntityManager, contractId: string) =>
  (
    await em.execute<{ plan_code: string; email: string | null }[]>(
      `select s.plan_code, a.email
       from seat s
       left join membership m on m.id = s.membership_id
       left join account a on a.id = m.account_id
       where s.contract_id = ? and not s.auto_renew
       order by s.plan_code, a.email nulls last`,
      [contractId],
    )
  ).map((r) => ({ planCode: r.plan_code, email: r.email }));

/** How many held seats have gone unused since `idleBefore` or longer. */
export const idleSeatCount = async (
  em: EntityManager,
  contractId: string,
  idleBefore: Date,
): Promise<number> => {
  const [idleCount] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from seat s
     where s.contract_id = ? and s.membership_id is not null and ${IDLE_SINCE} <= ?`,
    [contractId, idleBefore],
  );
  return idleCount?.n ?? 0;
};

/** The first `limit` idle held seats, longest idle first, with their holder's email. */
export const idleSeatHolders = async (
  em: EntityManager,
  contractId: string,
  idleBefore: Date,
  limit: number,
) =>
  (
    await em.execute<{ plan_code: string; email: string; idle_since: Date | string }[]>(
      `select s.plan_code, a.email, ${IDLE_SINCE} as idle_since
       from seat s
       join membership m on m.id = s.membership_id
       join account a on a.id = m.account_id
       where s.contract_id = ? and s.membership_id is not null and ${IDLE_SINCE} <= ?
       order by idle_since, a.email
       limit ?`,
      [contractId, idleBefore, limit],
    )
  ).map((r) => ({ planCode: r.plan_code, email: r.email, idleSince: new Date(r.idle_since) }));

/**
 * Claims the reminder of one contract's period (INSERT … ON CONFLICT DO NOTHING): false when
 * another run claimed it first (a concurrent one waits on the row, then finds it taken).
 */
export const claimReminder = async (em: EntityManager, contractId: string, periodEnd: Date, now: Date) =>
  (
    await em.execute<{ contract_id: string }[]>(
      `insert into renewal_reminder (contract_id, period_end, sent_at) values (?, ?, ?)
       on conflict (contract_id, period_end) do nothing
       returning contract_id`,
      [contractId, periodEnd, now],
    )
  ).length > 0;

/** Active contracts renewing after `now` and by `horizon` whose reminder was not sent yet, soonest first. */
export const contractsDueForReminder = (em: EntityManager, now: Date, horizon: Date, limit: number) =>
  em.execute<{ id: string }[]>(
    `select c.id from contract c
     where c.status = 'active' and c.current_period_end > ? and c.current_period_end <= ?
       and not exists (
         select 1 from renewal_reminder r where r.contract_id = c.id and r.period_end = c.current_period_end)
     order by c.current_period_end, c.id
     limit ?`,
    [now, horizon, limit],
  );
