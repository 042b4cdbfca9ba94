import { MAX_SEATS_PER_REQUEST } from '../../domain/quote.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { add } from '../handlers/add.ts';
import { fail } from '../reply.ts';

/** The purchase form's submission runs the same path as `add <n> <plan> [for <who>…]`. */
export const purchaseFormAction: ActionHandler = async (c, { payload, values }) => {
  const w = wordsOf(c);
  const quantity = Number(values?.quantity);
  const plan = typeof values?.plan === 'string' ? values.plan : '';
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_SEATS_PER_REQUEST) {
    const max = w.number(MAX_SEATS_PER_REQUEST);
    return fail(w.t('commands_core.purchase_form.quantity', { max }), 'invalid_input', {
      fieldErrors: { quantity: w.t('commands_core.purchase_form.quantity_field', { max }) },
    });
  }
  if (!plan) {
    const pick = w.t('commands_core.purchase_form.plan');
    return fail(pick, 'invalid_input', { fieldErrors: { plan: pick } });
  }
  // the picker's emails (a platform may send one string for a single pick)
  const picked = values?.forPeople;
  const forWho = (Array.isArray(picked) ? picked : typeof picked === 'string' ? picked.split(/[\s,]+/) : [])
    .filter((e): e is string => typeof e === 'string' && e !== '')
    .map((email) => ({ email: email.toLowerCase() }));
  return add(
    { ...c, organizationId: String(payload.organizationId ?? c.organizationId ?? '') || null },
    { name: 'add', quantity, plan, ...(forWho.length ? { forWho } : {}) },
  );
};
