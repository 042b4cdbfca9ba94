import { z } from 'zod';
import { offboardingDefaults, saveOffboardingDefaults } from '../../db/repositories/offboarding-defaults.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  freeSeat: z.boolean().optional(),
  stopAutoRenew: z.boolean().optional(),
  markFormer: z.boolean().optional(),
});

/**
 * What offboarding by the identity provider (SCIM `active: false`, DELETE) does to a leaver's
 * seat: free it, stop its auto-renew, mark them former. All three are on until an admin says
 * otherwise; the options left out keep their value, and no change records nothing.
 */
export const setOffboardingDefaults = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'manage_settings');
    const before = await offboardingDefaults(em, org.id);
    const after = {
      freeSeat: cmd.freeSeat ?? before.freeSeat,
      stopAutoRenew: cmd.stopAutoRenew ?? before.stopAutoRenew,
      markFormer: cmd.markFormer ?? before.markFormer,
    };
    // asking without a change (`scim defaults`) reads them: nothing to save or record
    const same = (Object.keys(after) as (keyof typeof after)[]).every((k) => after[k] === before[k]);
    if (same) return after;
    await saveOffboardingDefaults(em, org.id, after);
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.offboarding_defaults',
      subject: { type: 'organization', id: org.id },
      before,
      after,
    });
    return after;
  });
};
