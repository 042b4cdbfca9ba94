import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createInvitation, pendingInvitationOf } from '../../db/repositories/invitations.ts';
import { MAX_INVITES_PER_REQUEST } from '../domain/limits.ts';
import type { Invitation } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { summarize } from './seat-summary.ts';
import { emailField, parse, planCodeField, uuidField } from './support/input.ts';
import { actorAccount, authorize, membershipOf, requireOpen, requirePlan } from './support/lookups.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const input = z.object({
  organizationId: uuidField,
  emails: z
    .array(emailField)
    .min(1, 'name at least one person')
    .max(MAX_INVITES_PER_REQUEST, `at most ${MAX_INVITES_PER_REQUEST} people at once`),
  role: z.enum(['admin', 'member']).default('member'),
  plan: planCodeField.nullish(),
});

/** Why someone named in an invite got no invitation (the chat layer says it through the catalog). */
export type InviteSkip = 'already_member' | 'already_invited';

/** Invites people by email; each gets a direct message with Accept / Decline. */
export const inviteMembers = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'invite');
    requireOpen(org);
    const plan = cmd.plan ? await requirePlan(em, cmd.plan) : null;
    const invited: Invitation[] = [];
    const skipped: { email: string; reason: InviteSkip }[] = [];
    /** approvers who left and come back: an invitation never restores billing rights */
    const formerApprovers: string[] = [];
    for (const email of new Set(cmd.emails)) {
      const invitee = await actorAccount(em, { email }, now);
      const existing = await membershipOf(em, org.id, invitee.id);
      if (existing?.status === 'active') {
        skipped.push({ email, reason: 'already_member' });
        continue;
      }
      if (existing?.approver) formerApprovers.push(email);
      const pending = await pendingInvitationOf(em, org.id, email);
      if (pending && pending.expiresAt > now) {
        skipped.push({ email, reason: 'already_invited' });
        continue;
      }
      if (pending) {
        // Past its 7 days but not yet closed by the expiry job: close it now. Flushed before the
        // new invitation is inserted, or the one-pending-invitation index refuses the insert.
        pending.status = 'expired';
        pending.decidedAt = now;
        await em.flush();
        audit(em, now, {
          organizationId: org.id,
          actorId: null,
          action: 'invitation.expired',
          subject: { type: 'invitation', id: pending.id },
          before: { status: 'pending' },
          after: { status: 'expired', email },
        });
      }
      const inv = createInvitation(em, {
        id: randomUUID(),
        organizationId: org.id,
        email,
        role: cmd.role,
        planCode: plan && plan.code !== 'free' ? plan.code : null,
        invitedById: me.id,
        status: 'pending',
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        createdAt: now,
        decidedAt: null,
      });
      invited.push(inv);
      audit(em, now, {
        organizationId: org.id,
        actorId: me.id,
        action: 'invitation.created',
        subject: { type: 'invitation', id: inv.id },
        after: { email, role: inv.role, plan: inv.planCode, expiresAt: inv.expiresAt.toISOString() },
      });
      notify(em, now, {
        organizationId: org.id,
        recipientId: invitee.id,
        kind: 'invitation',
        payload: {
          invitationId: inv.id,
          organizationName: org.name,
          invitedBy: me.email,
          role: inv.role,
          plan: inv.planCode,
          expiresAt: inv.expiresAt.toISOString(),
        },
      });
    }
    // Flush inside the transaction so a racing duplicate invite fails here, not silently.
    await em.flush();
    // the inviter hears now, not at acceptance, when the plan has no free seat for everyone
    const freeSeats =
      plan && plan.code !== 'free' && invited.length
        ? (await summarize(em, org)).plans
            .filter((p) => p.plan === plan.code && !p.frozen)
            .reduce((n, p) => n + p.free, 0)
        : null;
    return { organization: org, invited, skipped, plan, freeSeats, formerApprovers };
  });
};
