import { z } from 'zod';
import { organizationsOfMember } from '../../db/repositories/organizations.ts';
import type { ServiceContext } from './context.ts';
import { emailField, parse } from './support/input.ts';
import { reading } from './support/tx.ts';

const input = z.object({ email: emailField });

/** The organizations an account belongs to (REST API and chat adapters find the org this way). */
export const organizationsOf = async (ctx: ServiceContext, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const rows = await organizationsOfMember(em, cmd.email);
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
