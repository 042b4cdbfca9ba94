import type { EntityManager } from '@mikro-orm/postgresql';

import type { Seat } from '../../src/domain/model.ts';
import type { BillingPeriod } from '../../src/domain/period.ts';
import { SeatSchema } from '../schemas/index.ts';

export { plansByCode } from './plans.ts';

/** The renewing seats (auto-renew on) of a contract, per plan. */
export const renewingSeatCounts = (em: EntityManager, contractId: string) =>
  em.execute<{ plan_code: string; n: number }[]>(
    `select plan_code, count(*)::int as n from seat where contract_id = ? and auto_renew
     group by plan_code order by plan_code`,
    [contractId],
  );

/** A contract's period and status (what a renewal schedule is planned from), or null. */
export const contractPeriod = async (em: EntityManager, contractId: string) => {
  const [c] = await em.execute<
    {
      organization_id: string | null;
      period: BillingPeriod;
      current_period_start: Date;
      current_period_end: Date;
      status: string;
    }[]
  >(
    'select organization_id, period, current_period_start, current_period_end, status from contract where id = ?',
    [contractId],
  );
  return c
    ? {
        organizationId: c.organization_id,
        period: c.period,
        currentPeriodStart: new Date(c.current_period_start),
        currentPeriodEnd: new Date(c.current_period_end),
        status: c.status,
      }
    : null;
};

/** A contract's seats per plan, with how many of them renew (auto-renew on). */
export const seatsWithRenewing = async (em: EntityManager, contractId: string) =>
  (
    await em.execute<{ plan_code: string; n: number; renewing: number }[]>(
      `select plan_code, count(*)::int as n, (count(*) filter (where auto_renew))::int as renewing
       from seat where contract_id = ? group by plan_code order by plan_code`,
      [contractId],
    )
  ).map((r) => ({ planCode: r.plan_code, seats: r.n, renewing: r.renewing }));

/** A contract's seats with auto-renew off, free ones first, then oldest first (tracked). */
export const seatsNotRenewing = (em: EntityManager, contractId: string): Promise<Seat[]> =>
  em.find(
    SeatSchema,
    { contractId, autoRenew: false },
    { orderBy: { membershipId: 'asc nulls first', createdAt: 'asc', id: 'asc' } },
  );

/** All seats of a contract, per plan. */
export const seatCountsByPlan = (em: EntityManager, contractId: string) =>
  em.execute<{ plan_code: string; n: number }[]>(
    'select plan_code, count(*)::int as n from seat where contract_id = ? group by plan_code',
    [contractId],
  );

/** Removes the seats a roll ends, in one statement. */
export const deleteSeats = async (em: EntityManager, ids: string[]) => {
  await em.nativeDelete(SeatSchema, { id: { $in: ids } });
};

/** Purchases approved before `periodStart` and not settled yet. */
export const purchasesInFlight = async (
  em: EntityManager,
  contractId: string,
  periodStart: Date,
): Promise<number> => {
  const [inFlight] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from purchase_request where contract_id = ? and status = 'approved' and proration_date < ?`,
    [contractId, periodStart],
  );
  return inFlight?.n ?? 0;
};

/** Active contracts whose period ended by `now`, the longest ended first. */
export const contractsDue = (em: EntityManager, now: Date, limit: number) =>
  em.execute<{ id: string }[]>(
    `select id from contract where status = 'active' and current_period_end <= ? order by current_period_end, id limit ?`,
    [now, limit],
  );
