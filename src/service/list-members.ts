import { z } from 'zod';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { reading } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  /** former members are hidden unless asked for */
  includeFormer: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

/**
 * `members`: who is in the organization, their role, plan and seat renewal, a page at a time,
 * with the counts of the whole list; invitations pending.
 */
export const listMembers = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, 'view_org');
    const members = await em.execute<
      {
        email: string;
        name: string | null;
        role: string;
        approver: boolean;
        status: string;
        former: boolean;
        plan: string | null;
        auto_renew: boolean | null;
      }[]
    >(
      `select a.email, a.name, m.role, m.approver, m.status, m.former, s.plan_code as plan, s.auto_renew
       from membership m join account a on a.id = m.account_id
       left join seat s on s.membership_id = m.id
       where m.organization_id = ? and m.status <> 'left' ${cmd.includeFormer ? '' : 'and not m.former'}
       order by (m.role = 'owner') desc, (m.role = 'admin') desc, a.email
       limit ? offset ?`,
      [org.id, cmd.limit, cmd.offset],
    );
    const [counts] = await em.execute<{ total: string; active: string }[]>(
      `select count(*) as total, count(*) filter (where m.status = 'active') as active
       from membership m
       where m.organization_id = ? and m.status <> 'left' ${cmd.includeFormer ? '' : 'and not m.former'}`,
      [org.id],
    );
    const invitations = await em.execute<
      { id: string; email: string; role: string; plan_code: string | null; expires_at: Date }[]
    >(
      `select id, email, role, plan_code, expires_at from invitation
       where organization_id = ? and status = 'pending' and expires_at > ? order by created_at limit 100`,
      [org.id, ctx.clock.now()],
    );
    return {
      organization: org,
      total: Number(counts?.total ?? 0),
      active: Number(counts?.active ?? 0),
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
