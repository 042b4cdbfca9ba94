import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Account, Contract, Membership, Organization, Seat } from '../../src/domain/model.ts';
import {
  AccountSchema,
  ContractSchema,
  MembershipSchema,
  OrganizationSchema,
  SeatSchema,
} from '../schemas/index.ts';
import { type JsonRow, tracked } from './accounts.ts';
import { plainFromRow } from './plain-rows.ts';

/** An `organization` row (as `row_to_json`) as the tracked organization. */
export const organizationFromRow = (em: EntityManager, row: Record<string, unknown>): Organization =>
  tracked(em, OrganizationSchema, row);

export const organizationById = (em: EntityManager, id: string): Promise<Organization | null> =>
  em.findOne(OrganizationSchema, { id });

/** The organization with its row locked for the rest of the transaction, or null. */
export const lockOrganizationRow = (em: EntityManager, id: string): Promise<Organization | null> =>
  em.findOne(OrganizationSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/**
 * The organization, the account of an email and its membership there, as `row_to_json` rows, in
 * one round trip (each null when missing): what authorizing an actor reads.
 */
export const organizationWithActor = async (
  em: EntityManager,
  organizationId: string,
  email: string,
): Promise<{ o: JsonRow; a: JsonRow; m: JsonRow }> => {
  const [row] = await em.execute<{ o: JsonRow; a: JsonRow; m: JsonRow }[]>(
    `select row_to_json(o) as o, row_to_json(a) as a, row_to_json(m) as m
     from organization o
     left join account a on a.email = ?
     left join membership m on m.organization_id = o.id and m.account_id = a.id
     where o.id = ?`,
    [email, organizationId],
  );
  return { o: row?.o ?? null, a: row?.a ?? null, m: row?.m ?? null };
};

/**
 * organizationWithActor's rows as plain records (not tracked: for reads that write nothing); the
 * membership only with both the organization and the account, as authorize reads it.
 */
export const organizationWithActorPlain = async (
  em: EntityManager,
  organizationId: string,
  email: string,
): Promise<{ org: Organization | null; me: Account | null; membership: Membership | null }> => {
  const { o, a, m } = await organizationWithActor(em, organizationId, email);
  return {
    org: o ? plainFromRow(em, OrganizationSchema, o) : null,
    me: a ? plainFromRow(em, AccountSchema, a) : null,
    membership: o && a && m ? plainFromRow(em, MembershipSchema, m) : null,
  };
};

/** An organization this account started and did not finish (no payment yet), by name. */
export const pendingOrganizationOf = (
  em: EntityManager,
  ownerId: string,
  name: string,
): Promise<Organization | null> => em.findOne(OrganizationSchema, { ownerId, name, status: 'pending' });

/** The organization's own contract, whatever its status. */
export const ownContractOf = (em: EntityManager, organizationId: string): Promise<Contract> =>
  em.findOneOrFail(ContractSchema, { organizationId, kind: 'organization' });

/** The organization's own active contract (where purchases go), or null. */
export const activeOwnContractOf = (em: EntityManager, organizationId: string): Promise<Contract | null> =>
  em.findOne(ContractSchema, { organizationId, kind: 'organization', status: 'active' });

/**
 * A new organization with what it starts with: the owner's membership, its own contract and the
 * owner's seat, tracked by the unit of work (written at the next flush).
 */
export const foundOrganization = (
  em: EntityManager,
  r: { organization: Organization; owner: Membership; contract: Contract; seat: Seat },
) => ({
  organization: em.create(OrganizationSchema, r.organization),
  owner: em.create(MembershipSchema, r.owner),
  contract: em.create(ContractSchema, r.contract),
  seat: em.create(SeatSchema, r.seat),
});

/** The organization if it is running (active, or cancelling until its paid-through date). */
export const runningOrganization = (em: EntityManager, id: string): Promise<Organization | null> =>
  em.findOne(OrganizationSchema, { id, status: { $in: ['active', 'cancelling'] } });

/** The contracts of these organizations whose seats are suspended for an overdue payment. */
export const suspendedContractsOf = (
  em: EntityManager,
  organizationIds: readonly string[],
): Promise<{ id: string; organization_id: string }[]> =>
  em.execute<{ id: string; organization_id: string }[]>(
    'select id, organization_id from contract where organization_id in (?) and suspended_at is not null',
    [organizationIds],
  );

export interface MemberOrganizationRow {
  id: string;
  name: string;
  status: string;
  role: string;
  approver: boolean;
  member_status: string;
  plan: string | null;
}

/** The running organizations an email's account is a member of (active or detached), oldest membership first. */
export const organizationsOfMember = (em: EntityManager, email: string): Promise<MemberOrganizationRow[]> =>
  em.execute<MemberOrganizationRow[]>(
    `select o.id, o.name, o.status, m.role, m.approver, m.status as member_status, s.plan_code as plan
     from account a
     join membership m on m.account_id = a.id
     join organization o on o.id = m.organization_id
     left join seat s on s.membership_id = m.id
     where a.email = ? and m.status in ('active', 'detached') and o.status in ('active', 'cancelling')
     order by m.joined_at`,
    [email],
  );
