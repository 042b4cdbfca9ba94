import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { Plan } from '../../src/domain/catalog.ts';
import type { Account, Contract, Membership, Seat } from '../../src/domain/model.ts';
import { AccountSchema, ContractSchema, MembershipSchema, PlanSchema, SeatSchema } from '../schemas/index.ts';

export { lockOrganizationRow, organizationById } from './organizations.ts';

// Contracts with their seats, and the organization, holders and manager a contract change reads.

/** A contract with its row locked for the rest of the transaction, or null. */
export const lockContract = (em: EntityManager, contractId: string): Promise<Contract | null> =>
  em.findOne(ContractSchema, { id: contractId }, { lockMode: LockMode.PESSIMISTIC_WRITE });

export const contractById = (em: EntityManager, contractId: string): Promise<Contract | null> =>
  em.findOne(ContractSchema, { id: contractId });

/** A contract known to exist (its id was just read in this transaction). */
export const requireContractById = (em: EntityManager, contractId: string): Promise<Contract> =>
  em.findOneOrFail(ContractSchema, { id: contractId });

/** Contracts by id (the currencies of a page of the audit's amounts). */
export const contractsByIds = (em: EntityManager, ids: readonly string[]): Promise<Contract[]> =>
  ids.length ? em.find(ContractSchema, { id: { $in: [...ids] } }) : Promise.resolve([]);

/** The contract a connection key (by its hash) belongs to, locked, or null. */
export const lockContractByKeyHash = (em: EntityManager, keyHash: string): Promise<Contract | null> =>
  em.findOne(ContractSchema, { connectionKeyHash: keyHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/** Active external contracts this account manages that are not connected to any organization. */
export const unconnectedContractsManagedBy = (em: EntityManager, accountId: string): Promise<Contract[]> =>
  em.find(
    ContractSchema,
    {
      managerId: accountId,
      kind: 'external',
      status: 'active',
      $or: [{ organizationId: null }, { disconnectedAt: { $ne: null } }],
    },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );

/** Active external contracts connected to (and not disconnected from) an organization, oldest first. */
export const connectedExternalContracts = (em: EntityManager, organizationId: string): Promise<Contract[]> =>
  em.find(
    ContractSchema,
    { organizationId, kind: 'external', status: 'active', disconnectedAt: null },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );

/** Memberships by id (the holders of some seats), tracked. */
export const membershipsByIds = (em: EntityManager, ids: string[]): Promise<Membership[]> =>
  em.find(MembershipSchema, { id: { $in: ids } });

/** A contract's assigned seats, tracked (releasing one is a change the flush writes). */
export const heldSeats = (em: EntityManager, contractId: string): Promise<Seat[]> =>
  em.find(SeatSchema, { contractId, membershipId: { $ne: null } });

/** The active members holding a contract's seats. */
export const activeSeatHolders = async (em: EntityManager, contractId: string): Promise<Membership[]> => {
  const rows = await em.execute<{ membership_id: string }[]>(
    'select membership_id from seat where contract_id = ? and membership_id is not null',
    [contractId],
  );
  if (rows.length === 0) return [];
  return em.find(MembershipSchema, { id: { $in: rows.map((r) => r.membership_id) }, status: 'active' });
};

/**
 * Locks a contract's row and reads what collecting its charges needs (`suspended_at` has no
 * mapping). Undefined when there is no such contract.
 */
export const lockBillingState = async (
  em: EntityManager,
  contractId: string,
): Promise<{ organizationId: string | null; suspendedAt: Date | null } | undefined> => {
  const [c] = await em.execute<{ organization_id: string | null; suspended_at: Date | null }[]>(
    'select organization_id, suspended_at from contract where id = ? for update',
    [contractId],
  );
  return c && { organizationId: c.organization_id, suspendedAt: c.suspended_at };
};

/** The contract's paid seats stop working (a charge stayed unpaid after its last try). */
export const suspendContract = async (em: EntityManager, contractId: string, at: Date) => {
  await em.execute('update contract set suspended_at = ? where id = ?', [at, contractId]);
};

/** The contract's paid seats work again. */
export const unsuspendContract = async (em: EntityManager, contractId: string) => {
  await em.execute('update contract set suspended_at = null where id = ?', [contractId]);
};

/** A new contract, tracked: the flush inserts it. */
export const newContract = (em: EntityManager, contract: Contract): Contract =>
  em.create(ContractSchema, contract);

/** Remembers the idempotency key and the request that created a contract (columns with no mapping). */
export const setCreationKey = async (em: EntityManager, contractId: string, key: string, request: string) => {
  await em.execute('update contract set creation_key = ?, creation_request = ?::jsonb where id = ?', [
    key,
    request,
    contractId,
  ]);
};

/** The contract created with this key, and whether it was created by this same request; or null. */
export const contractByCreationKey = async (
  em: EntityManager,
  key: string,
  request: string,
): Promise<{ id: string; same: boolean } | null> => {
  const [row] = await em.execute<{ id: string; same: boolean }[]>(
    'select id, creation_request = ?::jsonb as same from contract where creation_key = ?',
    [request, key],
  );
  return row ?? null;
};

/** Unassigned, renewing seats: `quantity` of each plan, in one statement. */
export const insertSeatsPerPlan = async (
  em: EntityManager,
  contractId: string,
  lines: readonly { plan: string; quantity: number }[],
  now: Date,
) => {
  const values = lines.map(() => '(?, ?::int)').join(', ');
  await em.execute(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
     select gen_random_uuid(), ?::uuid, p.code, null, true, null, null, ?::timestamptz
     from (values ${values}) as p(code, qty), generate_series(1, p.qty)`,
    [contractId, now, ...lines.flatMap((l) => [l.plan, l.quantity])],
    'run',
  );
};

/** `quantity` unassigned, renewing seats of one plan, in one statement. */
export const insertSeats = async (
  em: EntityManager,
  contractId: string,
  planCode: string,
  quantity: number,
  now: Date,
) => {
  await em.execute(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
     select gen_random_uuid(), ?, ?, null, true, null, null, ? from generate_series(1, ?)`,
    [contractId, planCode, now, quantity],
  );
};

/** The plans, cheapest rank first: what a contract may sell. */
export const planCatalog = (em: EntityManager): Promise<Plan[]> =>
  em.find(PlanSchema, {}, { orderBy: { rank: 'asc' } });

/** A contract manager's account by email, or null. */
export const managerByEmail = (em: EntityManager, email: string): Promise<Account | null> =>
  em.findOne(AccountSchema, { email });

export const requireManagerByEmail = (em: EntityManager, email: string): Promise<Account> =>
  em.findOneOrFail(AccountSchema, { email });

/** A `free` account for an unknown manager; false when one with that email exists already (a concurrent create). */
export const insertFreeAccount = async (em: EntityManager, id: string, email: string, now: Date) =>
  (
    await em.execute<{ id: string }[]>(
      `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
       values (?, ?, null, 'free', null, ?, ?) on conflict (email) do nothing returning id`,
      [id, email, now, now],
    )
  ).length > 0;
