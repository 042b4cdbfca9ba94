import { z } from 'zod';
import { membersByEmail, searchActiveMembers } from '../../db/repositories/member-search.ts';

export type { MemberHit } from '../../db/repositories/member-search.ts';

import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { reading } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  /** part of an email or a name; empty: everyone */
  query: z.string().max(200).default(''),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).default(0),
  /** people already picked, returned labelled whatever the query */
  picked: z.array(emailField).max(1000).default([]),
  /** offboard: who may be offboarded (HR's right); seat: any active member (an admin's, to give seats) */
  purpose: z.enum(['offboard', 'seat']).default('offboard'),
});

/**
 * The people pickers of forms: active members, found by part of their email or name, a page at a
 * time (platform pickers show 100 at most). The offboarding form's lists those the actor may
 * offboard; the purchase form's (whom the seats are for) any active member, to someone who may
 * assign seats.
 */
export const searchMembers = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const offboard = cmd.purpose === 'offboard';
    const { org, me } = await authorize(em, cmd.organizationId, actor, offboard ? 'offboard' : 'assign');
    const found = await searchActiveMembers(em, {
      organizationId: org.id,
      offboardable: offboard ? { exceptEmail: me.email } : null,
      query: cmd.query,
      limit: cmd.limit,
      offset: cmd.offset,
    });
    const known = new Map((await membersByEmail(em, org.id, cmd.picked)).map((m) => [m.email, m]));
    const picked = cmd.picked.map((email) => known.get(email) ?? { email, name: null, plan: 'free' });
    return { people: found.hits, total: found.total, picked };
  });
};
