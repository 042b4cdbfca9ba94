import { z } from 'zod';
import { openInvitationsOf } from '../../db/repositories/invitations.ts';
import { memberListCounts, memberListPage } from '../../db/repositories/memberships.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorizeReading } from './support/lookups.ts';
import { rowsOnly } from './support/rows-only.ts';

const input = z.object({
  organizationId: uuidField,
  /** former members are hidden unless asked for: shown too, or on their own */
  former: z.enum(['hide', 'include', 'only']).default('hide'),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

/**
 * `members`: who is in the organization, their role, plan and seat renewal, a page at a time,
 * with the counts of the whole list; invitations pending.
 */
export const listMembers = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  // plain rows, no unit of work: nothing here is written (each query still reads what is there now)
  return rowsOnly(ctx, async (em) => {
    const { org } = await authorizeReading(em, cmd.organizationId, actor, 'view_org');
    const page = { former: cmd.former, limit: cmd.limit, offset: cmd.offset };
    const members = await memberListPage(em, org.id, page);
    const counts = await memberListCounts(em, org.id, cmd.former);
    const invitations = await openInvitationsOf(em, org.id, ctx.clock.now());
    return {
      organization: org,
      total: counts.total,
      active: counts.active,
      members: members.map((m) => ({
        email: m.email,
        name: m.name,
        role: m.role,
        approver: m.role === 'owner' || m.approver,
        status: m.status,
        former: m.former,
        plan: m.plan ?? 'free',
        autoRenew: m.auto_renew,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        plan: i.plan_code,
        expiresAt: new Date(i.expires_at),
      })),
    };
  });
};
