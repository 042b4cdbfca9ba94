import { MAX_SEATS_PER_REQUEST } from '../../domain/quote.ts';
import type { ActionHandler } from '../handler.ts';
import { add, SEAT_RANGE } from '../handlers/add.ts';
import { fail } from '../reply.ts';

export const purchaseFormAction: ActionHandler = async (c, { payload, values }) => {
  const quantity = Number(values?.quantity);
  const plan = typeof values?.plan === 'string' ? values.plan : '';
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_SEATS_PER_REQUEST) {
    return fail(`The number of seats must be a whole number from ${SEAT_RANGE}.`, 'invalid_input', {
      fieldErrors: { quantity: `Enter ${SEAT_RANGE}.` },
    });
  }
  if (!plan) return fail('Pick a plan.', 'invalid_input', { fieldErrors: { plan: 'Pick a plan.' } });
  return add(
    { ...c, organizationId: String(payload.organizationId ?? c.organizationId ?? '') || null },
    { name: 'add', quantity, plan },
  );
};
