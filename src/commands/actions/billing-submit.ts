import { setBillingDetails } from '../../service/set-billing-details.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');
const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? undefined : String(v));

export const billingSubmitAction: ActionHandler = async (c, { payload, values = {} }) => {
  await setBillingDetails(c.service, c.actor, {
    organizationId: orgId(payload),
    details: {
      company: text(values.company) ?? '',
      email: text(values.email) ?? '',
      country: text(values.country) ?? '',
      vatId: text(values.vatId) ?? null,
      address: text(values.address) ?? null,
    },
  });
  return ok(wordsOf(c).t('commands_core.billing.saved'));
};
