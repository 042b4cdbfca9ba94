import type { EntityManager } from '@mikro-orm/postgresql';

import type { Contract, Organization } from '../../src/domain/model.ts';
import { ContractSchema, OrganizationSchema } from '../schemas/index.ts';

// The billing provider's events as we record them (stripe_event: each id applied once), and the
// reads that compare what the provider bills with our seats.

/**
 * Claims a provider event id inside the transaction that applies its effect: true the first
 * time, false when it was already applied (the primary key decides, even when two deliveries of
 * the same event race). No event → nothing to claim, true.
 */
export const claimEvent = async (
  em: EntityManager,
  event: { id: string; type: string } | undefined,
  now: Date,
): Promise<boolean> => {
  if (!event) return true;
  const rows = await em.execute<{ id: string }[]>(
    'insert into stripe_event (id, type, received_at) values (?, ?, ?) on conflict (id) do nothing returning id',
    [event.id, event.type, now],
  );
  return rows.length === 1;
};

/** Whether an event id was claimed already. */
export const isEventClaimed = async (em: EntityManager, eventId: string): Promise<boolean> =>
  (await em.execute('select 1 from stripe_event where id = ?', [eventId])).length > 0;

/** The contract an event names, or null (another system's, or deleted). */
export const eventContract = (em: EntityManager, contractId: string): Promise<Contract | null> =>
  em.findOne(ContractSchema, { id: contractId });

/** The seats per plan of a contract, by plan code: what its subscription starts with. */
export const subscriptionItemsOf = async (
  em: EntityManager,
  contractId: string,
): Promise<{ planCode: string; quantity: number }[]> =>
  (
    await em.execute<{ plan_code: string; n: number }[]>(
      'select plan_code, count(*)::int as n from seat where contract_id = ? group by plan_code order by plan_code',
      [contractId],
    )
  ).map((i) => ({ planCode: i.plan_code, quantity: i.n }));

/**
 * A pending organization whose payment method just arrived, its active own contract and the
 * seats its subscription starts with; null when there is nothing to start.
 */
export const setupToStart = async (
  em: EntityManager,
  organizationId: string,
): Promise<{
  org: Organization;
  contract: Contract;
  items: { planCode: string; quantity: number }[];
} | null> => {
  const org = await em.findOne(OrganizationSchema, { id: organizationId });
  const contract =
    org &&
    (await em.findOne(ContractSchema, { organizationId: org.id, kind: 'organization', status: 'active' }));
  if (!org || !contract || org.status !== 'pending') return null;
  return { org, contract, items: await subscriptionItemsOf(em, contract.id) };
};

/**
 * Our seats per plan that the provider should bill now. Once the period has ended and until our
 * roll removes them, seats that do not renew are left out: the renewal schedule rightly stopped
 * billing them at the period end.
 */
export const billableSeatsByPlan = async (
  em: EntityManager,
  contractId: string,
  now: Date,
): Promise<Map<string, number>> => {
  const rows = await em.execute<{ plan_code: string; n: number }[]>(
    `select s.plan_code, count(*)::int as n from seat s join contract c on c.id = s.contract_id
     where s.contract_id = ? and (s.auto_renew or c.current_period_end > ?) group by s.plan_code`,
    [contractId, now],
  );
  return new Map(rows.map((r) => [r.plan_code, r.n]));
};

export interface ContractToReconcile {
  contractId: string;
  organizationId: string;
  organizationStatus: Organization['status'];
}

/** Active organizations' own active contracts, by id, at most `limit`: what the hourly reconciliation compares. */
export const contractsToReconcile = async (
  em: EntityManager,
  limit: number,
): Promise<ContractToReconcile[]> =>
  (
    await em.execute<{ id: string; organization_id: string; org_status: Organization['status'] }[]>(
      `select c.id, c.organization_id, o.status as org_status from contract c
       join organization o on o.id = c.organization_id
       where c.kind = 'organization' and c.status = 'active' and o.status in ('active', 'cancelling')
       order by c.id limit ?`,
      [limit],
    )
  ).map((r) => ({ contractId: r.id, organizationId: r.organization_id, organizationStatus: r.org_status }));

/** A failed cycle invoice names the renewal charge it bills: the charge keeps its reference for dunning. */
export const setChargeInvoice = async (
  em: EntityManager,
  chargeId: string,
  invoiceRef: string,
): Promise<void> => {
  await em.execute('update period_charge set charge_ref = ? where id = ?', [invoiceRef, chargeId]);
};
