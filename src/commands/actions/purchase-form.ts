import type { ActionHandler } from '../handler.ts';
import { add } from '../handlers/add.ts';
import { fail } from '../reply.ts';

export const purchaseFormAction: ActionHandler = async (c, { payload, values }) => {
  const quantity = Number(values?.quantity);
  const plan = typeof values?.plan === 'string' ? values.plan : '';
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) {
    return fail('The number of seats must be a whole number from 1 to 10,000.', 'invalid_input', {
      fieldErrors: { quantity: 'Enter 1 to 10,000.' },
    });
  }
  if (!plan) return fail('Pick a plan.', 'invalid_input', { fieldErrors: { plan: 'Pick a plan.' } });
  return add(
    { ...c, organizationId: String(payload.organizationId ?? c.organizationId ?? '') || null },
    { name: 'add', quantity, plan },
  );
};
