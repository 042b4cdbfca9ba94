import { z } from 'zod';
import type { Permission } from '../domain/permissions.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { reading } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/**
 * Refuses, exactly as the use case would, before a form or confirmation is shown: nobody sees
 * an owner-only form (or the data in it) only to be refused on submit.
 */
export const checkPermission = async (
  ctx: ServiceContext,
  actor: Actor,
  permission: Permission,
  raw: z.input<typeof input>,
) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, permission);
    return org;
  });
};
