import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { holderUsage, seatPlan } from '../../db/repositories/seats.ts';
import { DomainError } from '../domain/errors.ts';
import { downgradeImpact } from '../domain/impact.ts';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorize, requireMemberByEmail, requireOpen } from './support/lookups.ts';
import { audit, notify } from './support/records.ts';
import { releaseSeat, requireNotFrozen, seatOf } from './support/seats.ts';
import { inTransaction, reading } from './support/tx.ts';

const input = z.object({ organizationId: uuidField, member: emailField });

/** The member, their seat and what stops working on free. */
const loadDowngrade = async (em: EntityManager, org: Organization, email: string) => {
  const { account, membership } = await requireMemberByEmail(em, org, email);
  const held = await seatOf(em, membership.id);
  if (!held) {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.seat.already_free', args: { email: account.email } },
      { key: 'errors_service.common.nothing_to_do' },
    );
  }
  requireNotFrozen(held.contract);
  const [from, free] = await Promise.all([seatPlan(em, held.seat.planCode), seatPlan(em, 'free')]);
  const usage = await holderUsage(em, account.id);
  return { account, membership, held, from, impact: downgradeImpact(from, free, usage) };
};

/** Shows what will stop working before a plan is removed (nothing changes). */
export const previewUnassign = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, 'assign');
    const d = await loadDowngrade(em, org, cmd.member);
    return { member: d.account, from: d.from, impact: d.impact };
  });
};

/** Removes a member's plan: their seat becomes free and they fall to the free plan. */
export const unassignPlan = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'assign');
    requireOpen(org);
    const d = await loadDowngrade(em, org, cmd.member);
    releaseSeat(d.held.seat);
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'seat.unassigned',
      subject: { type: 'membership', id: d.membership.id },
      before: { plan: d.from.code, seatId: d.held.seat.id, email: d.account.email },
      after: { plan: 'free' },
    });
    notify(em, now, {
      organizationId: org.id,
      recipientId: d.account.id,
      kind: 'seat_removed',
      payload: { organizationName: org.name, plan: d.from.code, by: me.email, warnings: d.impact.warnings },
    });
    return { member: d.account, from: d.from, impact: d.impact };
  });
};
