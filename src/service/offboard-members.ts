import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { activeAdminsOf } from '../../db/repositories/memberships.ts';
import { DomainError } from '../domain/errors.ts';
import type { Organization } from '../domain/model.ts';
import { type Actor, type IdentityProvider, isIdentityProvider, type ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorize, requireMembersByEmail, requireOrganization } from './support/lookups.ts';
import { auditPersonalPlan, restoresPersonalPlan } from './support/personal-plan.ts';
import { audit, notify } from './support/records.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { releaseSeat, seatsOf } from './support/seats.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  members: z.array(emailField).min(1, 'pick at least one leaver').max(1000, 'at most 1,000 at once'),
  /** the seat becomes free for someone else */
  freeSeat: z.boolean().default(true),
  /** the seat is not renewed (usable until the period ends, then not billed) */
  stopAutoRenew: z.boolean().default(false),
  /** hidden from member lists */
  markFormer: z.boolean().default(false),
});

export interface OffboardedMember {
  email: string;
  seat: { plan: string; freed: boolean; autoRenew: boolean; frozen: boolean } | null;
}

/** Who offboards: a person with the `offboard` right, or the organization's own identity provider. */
const offboarder = async (
  em: EntityManager,
  organizationId: string,
  actor: Actor | IdentityProvider,
): Promise<{ org: Organization; me: { id: string | null; email: string } }> => {
  if (!isIdentityProvider(actor)) return authorize(em, organizationId, actor, 'offboard');
  // a token reaches its own organization only: another one "does not exist"
  if (actor.organizationId !== organizationId) {
    throw new DomainError(
      'not_found',
      { key: 'errors_service.offboard.no_organization' },
      { key: 'errors_service.offboard.no_organization_next' },
    );
  }
  const org = await requireOrganization(em, organizationId);
  return { org, me: { id: null, email: 'your identity provider (SCIM)' } };
};

/** The identity provider's offboardings reach the owner and admins as one summary each. */
const tellAdmins = async (em: EntityManager, now: Date, org: Organization, done: OffboardedMember[]) => {
  const admins = await activeAdminsOf(em, org.id);
  for (const a of admins) {
    notify(em, now, {
      organizationId: org.id,
      recipientId: a.accountId,
      kind: 'scim_offboarded',
      payload: { organizationName: org.name, offboarded: done },
    });
  }
};

/**
 * HR offboards one or many leavers at once, all or nothing: each is detached (can no longer
 * sign in; their data stays), and per the options their seat is freed, stops renewing, and they
 * are marked former. The owner is refused until ownership moves, and nobody offboards themselves. Seats that stop renewing are
 * told to the billing provider after the commit (a provider failure is recorded and retried).
 * The identity provider (SCIM) offboards the same way, and the admins get one summary.
 */
export const offboardMembers = async (
  ctx: ServiceContext,
  actor: Actor | IdentityProvider,
  raw: z.input<typeof input>,
) => {
  const cmd = parse(input, raw);
  const stopped = new Set<string>();
  const result = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await offboarder(em, cmd.organizationId, actor);
    const leavers = [];
    // one query for every leaver and one for their seats: a wave of 1,000 stays one short transaction
    for (const found of await requireMembersByEmail(em, org, [...new Set(cmd.members)])) {
      if (found.membership.role === 'owner') {
        throw new DomainError(
          'owner_cannot_leave',
          { key: 'errors_service.offboard.owner', args: { email: found.account.email, org: org.name } },
          { key: 'errors_service.offboard.owner_next' },
        );
      }
      if (found.account.id === me.id) {
        // offboarding oneself ends one's own access at once, mid-action: someone else does it
        throw new DomainError(
          'forbidden',
          { key: 'errors_service.offboard.self', args: { email: found.account.email } },
          { key: 'errors_service.offboard.self_next' },
        );
      }
      if (found.membership.status !== 'active') {
        throw new DomainError(
          'conflict',
          { key: 'errors_service.offboard.already', args: { email: found.account.email } },
          { key: 'errors_service.offboard.already_next' },
        );
      }
      leavers.push(found);
    }
    const done: OffboardedMember[] = [];
    const seats = await seatsOf(
      em,
      leavers.map((l) => l.membership.id),
    );
    for (const { account, membership } of leavers) {
      const held = seats.get(membership.id) ?? null;
      const frozen = held?.contract.disconnectedAt != null;
      if (held && !frozen) {
        if (cmd.stopAutoRenew && held.seat.autoRenew) {
          held.seat.autoRenew = false;
          stopped.add(held.seat.contractId);
        }
        if (cmd.freeSeat) releaseSeat(held.seat);
      }
      membership.status = 'detached';
      membership.endedAt = now;
      membership.former = cmd.markFormer;
      done.push({
        email: account.email,
        seat: held
          ? {
              plan: held.seat.planCode,
              freed: cmd.freeSeat && !frozen,
              autoRenew: held.seat.autoRenew,
              frozen,
            }
          : null,
      });
      audit(em, now, {
        organizationId: org.id,
        actorId: me.id,
        action: 'member.offboarded',
        subject: { type: 'membership', id: membership.id },
        before: { status: 'active', plan: held?.seat.planCode ?? 'free' },
        after: {
          status: 'detached',
          former: cmd.markFormer,
          seatFreed: cmd.freeSeat && !frozen,
          seatAutoRenew: held?.seat.autoRenew ?? null,
          email: account.email,
          ...(me.id ? {} : { actor: 'scim' }),
        },
      });
      notify(em, now, {
        organizationId: org.id,
        recipientId: account.id,
        kind: 'offboarded',
        payload: { organizationName: org.name, by: me.email },
      });
    }
    if (!me.id) await tellAdmins(em, now, org, done);
    // Leaving restores a paid personal plan the organization had paused (no other org pays).
    await em.flush();
    for (const { account } of leavers) {
      if (!(await restoresPersonalPlan(em, account))) continue;
      auditPersonalPlan(em, now, { organizationId: org.id, actorId: me.id, account: account, paused: false });
    }
    return { organization: org, offboarded: done };
  });
  await syncRenewalSchedules(ctx, stopped);
  return result;
};
