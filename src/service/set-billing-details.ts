import { z } from 'zod';
import { billingDetailsInput } from '../domain/billing-details.ts';
import type { BillingDetails, Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { lockOrganizationFor } from './support/contracts.ts';
import { parse, uuidField } from './support/input.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  details: z.record(z.string(), z.unknown(), 'must be the billing details (company, email, country, …)'),
});

const DETAIL_KEYS = [
  'company',
  'email',
  'country',
  'vatId',
  'address',
] as const satisfies readonly (keyof BillingDetails)[];

const OPTIONAL_KEYS = ['vatId', 'address'] as const;

/**
 * `billing`: the owner sets the organization's billing details (account page). Each field is
 * validated; a bad one is refused naming the field. Setting the same details changes nothing.
 */
export const setBillingDetails = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: { organizationId: string; details: z.input<typeof billingDetailsInput> },
): Promise<Organization> => {
  const cmd = parse(input, raw);
  // A form sends the optional fields it leaves empty as "": that means none.
  const given = { ...cmd.details };
  for (const k of OPTIONAL_KEYS) if (typeof given[k] === 'string' && given[k].trim() === '') given[k] = null;
  // Parsed on its own so the refusal names the field itself ("vatId", not "details.vatId").
  const details = parse(billingDetailsInput, given);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', now);
    const before = org.billingDetails ? { ...org.billingDetails } : null;
    if (before && DETAIL_KEYS.every((k) => (before[k] ?? null) === details[k])) return org;
    org.billingDetails = details;
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.billing_details_changed',
      subject: { type: 'organization', id: org.id },
      before: { billingDetails: before },
      after: { billingDetails: details },
    });
    return org;
  });
};
