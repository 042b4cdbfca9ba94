import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractSchema, PlanSchema, SeatSchema } from '../../../db/schemas/index.ts';
import type { Plan } from '../../domain/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Contract, Membership, Seat } from '../../domain/model.ts';

export interface ClaimedSeat {
  id: string;
  contractId: string;
  planCode: string;
}

/**
 * Gives a member one free seat of the first of `planCodes` (cheapest first) that has one, in
 * a contract the organization may use now. A conditional update on one row with SKIP LOCKED:
 * concurrent claims never take the same seat and never wait on each other; the partial unique
 * index on seat.membership_id keeps one seat per member even when two claims race.
 */
export const claimSeat = async (
  em: EntityManager,
  orgId: string,
  membershipId: string,
  planCodes: readonly string[],
  now: Date,
): Promise<ClaimedSeat | null> => {
  if (planCodes.length === 0) return null;
  try {
    const rows = await em.execute<{ id: string; contract_id: string; plan_code: string }[]>(
      `update seat set membership_id = ?, assigned_at = ?
       where id = (
         select s.id from seat s
         join contract c on c.id = s.contract_id
         join plan p on p.code = s.plan_code
         where c.organization_id = ? and c.status = 'active' and c.disconnected_at is null
           and s.membership_id is null and s.plan_code in (?)
         order by p.rank, s.auto_renew desc, s.created_at
         limit 1
         for update of s skip locked)
       returning id, contract_id, plan_code`,
      [membershipId, now, orgId, planCodes],
    );
    const r = rows[0];
    return r ? { id: r.id, contractId: r.contract_id, planCode: r.plan_code } : null;
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      throw new DomainError(
        'already_has_seat',
        'That member already has a seat.',
        'Use `unassign` first to change it.',
      );
    }
    throw e;
  }
};

/** The seat a member holds, with its contract, or null. */
export const seatOf = async (
  em: EntityManager,
  membershipId: string,
): Promise<{ seat: Seat; contract: Contract } | null> => {
  const seat = await em.findOne(SeatSchema, { membershipId });
  if (!seat) return null;
  const contract = await em.findOneOrFail(ContractSchema, { id: seat.contractId });
  return { seat, contract };
};

/** Plan changes on a disconnected contract are frozen. */
export const requireNotFrozen = (contract: Contract) => {
  if (contract.disconnectedAt) {
    throw new DomainError(
      'contract_frozen',
      'That seat belongs to a contract that is disconnected, so its plans cannot change.',
      'Reconnect the contract with `contract connect <key>` first.',
    );
  }
};

export const releaseSeat = (seat: Seat) => {
  seat.membershipId = null;
  seat.assignedAt = null;
};

export const noFreeSeat = (plan: Pick<Plan, 'code' | 'name'>) =>
  new DomainError(
    'no_free_seat',
    `There is no free ${plan.name} seat.`,
    `Buy more with \`add 1 ${plan.code}\`, or free one with \`unassign\`.`,
  );

/** The plan a member is on in this organization: their seat's plan, else free. */
export const memberPlan = async (em: EntityManager, m: Membership): Promise<Plan> => {
  const held = await em.findOne(SeatSchema, { membershipId: m.id });
  return em.findOneOrFail(PlanSchema, { code: held?.planCode ?? 'free' });
};
