import { acceptInvitation } from '../../src/service/answer-invitation.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { setRole } from '../../src/service/set-role.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';

export const DEMO = {
  owner: 'alice@example.com',
  admin: 'bob@example.com',
  members: ['carol@example.com', 'dave@example.com', 'erin@example.com'],
  outsider: 'frank@example.com',
  organization: 'Acme',
};

/**
 * A demo organization to try every command on: Alice owns Acme (monthly contract with Pro and
 * Business seats), Bob is an admin and billing approver, Carol, Dave and Erin are members
 * (Carol and Dave on Pro), Frank is not in it yet. Built through the use cases, like real data.
 * Does nothing when Acme's owner already exists.
 */
export const seedDemo = async (ctx: ServiceContext): Promise<boolean> => {
  const existing = await ctx.em
    .fork()
    .execute<{ n: number }[]>('select count(*)::int as n from organization');
  if ((existing[0]?.n ?? 0) > 0) return false;
  const alice = { email: DEMO.owner, name: 'Alice' };
  await upsertAccount(ctx, { ...alice, personalPlan: 'business', paymentMethod: 'pm_card_visa' });
  for (const [email, name] of [
    [DEMO.admin, 'Bob'],
    [DEMO.members[0]!, 'Carol'],
    [DEMO.members[1]!, 'Dave'],
    [DEMO.members[2]!, 'Erin'],
    [DEMO.outsider, 'Frank'],
  ] as const) {
    await upsertAccount(ctx, { email, name, personalPlan: email === DEMO.outsider ? 'solo' : 'free' });
  }
  const { organization } = await createOrganization(ctx, alice, { name: DEMO.organization, period: 'month' });
  const organizationId = organization.id;
  for (const [plan, quantity] of [
    ['pro', 4],
    ['business', 2],
  ] as const) {
    const { request } = await requestSeats(ctx, alice, { organizationId, plan, quantity });
    await approvePurchase(ctx, alice, { requestId: request.id });
  }
  const invited = await inviteMembers(ctx, alice, { organizationId, emails: [DEMO.admin], role: 'admin' });
  const more = await inviteMembers(ctx, alice, { organizationId, emails: DEMO.members, role: 'member' });
  for (const inv of [...invited.invited, ...more.invited]) {
    await acceptInvitation(ctx, { email: inv.email }, { invitationId: inv.id });
  }
  await setRole(ctx, alice, { organizationId, member: DEMO.admin, role: 'approver' });
  await assignPlan(ctx, alice, { organizationId, member: DEMO.members[0]!, plan: 'pro' });
  await assignPlan(ctx, alice, { organizationId, member: DEMO.members[1]!, plan: 'pro' });
  // the demo starts with empty inboxes
  await ctx.em.fork().execute(`update outbox set status = 'sent', sent_at = now() where status = 'pending'`);
  return true;
};
