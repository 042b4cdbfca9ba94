import { z } from 'zod';
import type { ServiceContext } from './context.ts';
import { emailField, parse } from './support/input.ts';
import { reading } from './support/tx.ts';

const input = z.object({ email: emailField });

/** The organizations an account belongs to (REST API and chat adapters find the org this way). */
export const organizationsOf = async (ctx: ServiceContext, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const rows = await em.execute<
      {
        id: string;
        name: string;
        status: string;
        role: string;
        approver: boolean;
        member_status: string;
        plan: string | null;
      }[]
    >(
      `select o.id, o.name, o.status, m.role, m.approver, m.status as member_status, s.plan_code as plan
       from account a
       join membership m on m.account_id = a.id
       join organization o on o.id = m.organization_id
       left join seat s on s.membership_id = m.id
       where a.email = ? and m.status in ('active', 'detached') and o.status in ('active', 'cancelling')
       order by m.joined_at`,
      [cmd.email],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      role: r.role,
      approver: r.role === 'owner' || r.approver,
      memberStatus: r.member_status,
      plan: r.member_status === 'active' ? (r.plan ?? 'free') : null,
    }));
  });
};
