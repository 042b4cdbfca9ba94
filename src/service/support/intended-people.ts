import type { EntityManager } from '@mikro-orm/postgresql';
import { membersByEmails, membershipsWithEmail, seatsHeldBy } from '../../../db/repositories/memberships.ts';
import { DomainError } from '../../domain/errors.ts';
import { NAMES_SHOWN } from '../../domain/limits.ts';
import type { Account, Membership, Organization, PurchaseRequest } from '../../domain/model.ts';
import { can } from '../../domain/permissions.ts';
import { accountsById } from './lookups.ts';
import { audit, notify } from './records.ts';
import { claimSeat, releaseSeat } from './seats.ts';

/** The most people one request may name: a chat line, not an import (that is `assign`, or SCIM). */
export const MAX_PEOPLE_PER_REQUEST = 50;

/** Whom a request is for, as its messages say it: how many, and the first few. */
export const namesShown = (emails: readonly string[]) => {
  const named = [...new Set(emails)];
  return { count: named.length, names: named.slice(0, NAMES_SHOWN) };
};

/** Whom a request's seats are still for, as its cards say it (null: nobody named, or all seated). */
export const stillFor = async (em: EntityManager, r: PurchaseRequest) => {
  const waiting = r.forMembershipIds ?? [];
  if (waiting.length === 0) return null;
  const email = new Map((await membershipsWithEmail(em, waiting, false)).map((m) => [m.id, m.email]));
  return namesShown(waiting.map((id) => email.get(id)).filter((e): e is string => !!e));
};

/**
 * The members a request's seats are for (`add 3 pro for @ann @bob`), checked before anything is
 * asked: each an active member without a seat of that plan, no more of them than seats. Naming
 * someone else is handing them a seat, so it takes the right to assign; naming yourself does not.
 * Returns their membership ids in the order named.
 */
export const intendedMembers = async (
  em: EntityManager,
  org: Organization,
  me: { account: Account; membership: Membership },
  emails: readonly string[],
  plan: { code: string; name: string },
  quantity: number,
): Promise<string[]> => {
  const named = [...new Set(emails)];
  if (named.length === 0) return [];
  if (named.length > quantity)
    throw new DomainError(
      'invalid_input',
      { key: 'approvals.for.too_many', args: { people: named.length, quantity } },
      { key: 'approvals.for.too_many_next', args: { people: named.length } },
    );
  if (named.some((e) => e !== me.account.email) && !can(me.membership, 'assign'))
    throw new DomainError(
      'forbidden',
      { key: 'approvals.for.not_admin' },
      { key: 'approvals.for.not_admin_next' },
    );
  const members = await membersByEmails(em, org.id, named);
  for (const email of named) {
    const m = members.get(email);
    if (!m || m.membership.status !== 'active')
      throw new DomainError(
        'not_found',
        { key: 'approvals.for.not_member', args: { email, org: org.name } },
        { key: 'approvals.for.not_member_next', args: { email } },
      );
  }
  const ids = named.map((e) => members.get(e)!.membership.id);
  const holding = (await seatsHeldBy(em, ids)).find((s) => s.planCode === plan.code);
  if (holding) {
    const email = named[ids.indexOf(holding.membershipId!)]!;
    throw new DomainError(
      'conflict',
      { key: 'approvals.for.has_seat', args: { email, plan: plan.name } },
      { key: 'approvals.for.has_seat_next', args: { email } },
    );
  }
  return ids;
};

/**
 * Gives up to `count` free seats of the request's plan to the next members it was for, in the
 * order named: a seat given back for it, or the seats it bought. Someone who left or got such a
 * seat meanwhile is passed over; someone on another plan moves over (their old seat is freed).
 * Each one seated is taken off the request, told, and audited. Returns who got one (emails).
 */
export const seatIntendedPeople = async (
  em: EntityManager,
  now: Date,
  org: Pick<Organization, 'id' | 'name'>,
  r: PurchaseRequest,
  count: number,
  actorId: string | null,
): Promise<string[]> => {
  const waiting = r.forMembershipIds ?? [];
  if (count <= 0 || waiting.length === 0) return [];
  const requester = (await accountsById(em, [r.requestedById])).get(r.requestedById);
  // locked, as an assignment locks its member: a concurrent offboarding waits for this
  const members = new Map((await membershipsWithEmail(em, waiting, true)).map((m) => [m.id, m]));
  const held = new Map((await seatsHeldBy(em, waiting)).map((s) => [s.membershipId!, s]));
  const seated: string[] = [];
  const left: string[] = [];
  for (const id of waiting) {
    const m = members.get(id);
    const current = held.get(id);
    // gone, or seated on this plan another way: nothing more to give them
    if (!m || m.status !== 'active' || current?.planCode === r.planCode) continue;
    if (seated.length === count) {
      left.push(id);
      continue;
    }
    const assignedAt = current?.assignedAt ?? null;
    if (current) {
      releaseSeat(current);
      await em.flush();
    }
    const seat = await claimSeat(em, org.id, id, [r.planCode], now);
    if (!seat) {
      // no free seat after all: a member who was moving keeps the seat they had
      if (current) {
        current.membershipId = id;
        current.assignedAt = assignedAt;
        await em.flush();
      }
      left.push(id);
      continue;
    }
    const previousPlan = current?.planCode ?? 'free';
    audit(em, now, {
      organizationId: org.id,
      actorId,
      action: 'seat.assigned',
      subject: { type: 'membership', id },
      before: { plan: previousPlan },
      after: { plan: r.planCode, seatId: seat.id, email: m.email, forRequest: r.id },
    });
    notify(em, now, {
      organizationId: org.id,
      recipientId: m.account_id,
      kind: 'seat_assigned',
      payload: {
        organizationName: org.name,
        plan: r.planCode,
        previousPlan,
        by: requester?.email ?? '',
      },
    });
    seated.push(m.email);
  }
  r.forMembershipIds = left;
  r.updatedAt = now;
  return seated;
};
