import { checkPermission } from '../../service/check-permission.ts';
import { listPlans } from '../../service/list-plans.ts';
import { requestSeats } from '../../service/request-seats.ts';
import { organizationFor } from '../context.ts';
import { day, plural, price } from '../format.ts';
import type { Handler } from '../handler.ts';
import { info, ok } from '../reply.ts';

/** `add` alone opens the purchase form; `add 3 pro` shows the quote and routes it. */
export const add: Handler<'add'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  if (cmd.quantity === null || cmd.plan === null) {
    await checkPermission(c.service, c.actor, 'request_seats', { organizationId });
    const plans = await listPlans(c.service, { paidOnly: true });
    return info('Buy seats', {
      form: {
        action: 'purchase.form',
        title: 'Buy seats',
        submitLabel: 'Get a quote',
        payload: { organizationId },
        fields: [
          {
            name: 'plan',
            label: 'Plan',
            type: 'select',
            required: true,
            options: plans.map((p) => ({ value: p.code, label: p.name })),
          },
          {
            name: 'quantity',
            label: 'Number of seats',
            type: 'number',
            required: true,
            min: 1,
            max: 10_000,
            initial: 1,
          },
        ],
      },
      private: true,
    });
  }
  const r = await requestSeats(c.service, c.actor, {
    organizationId,
    quantity: cmd.quantity,
    plan: cmd.plan,
  });
  const q = r.request;
  const fields = [
    { label: 'Charged now (prorated)', value: price(q.proratedAmount, q.currency) },
    { label: 'New recurring total', value: `${price(q.recurringTotal, q.currency)} per period` },
    { label: 'Quote valid until', value: day(q.quoteExpiresAt) },
  ];
  const what = `${plural(q.quantity, `${r.plan.name} seat`)}`;
  if (r.outcome === 'charged')
    return ok(`Approved under your organization's policy and paid: ${what} added.`, { fields });
  if (r.outcome === 'payment_failed')
    return ok(`Approved under policy, but the payment failed: ${q.failureReason}`, {
      fields,
      tone: 'error',
      code: 'payment_failed',
    });
  if (q.needs === 'confirmation') {
    return info(`Buy ${what}?`, {
      fields,
      buttons: [
        {
          label: 'Confirm purchase',
          action: 'purchase.approve',
          payload: { requestId: q.id },
          style: 'primary',
        },
        { label: 'Cancel', action: 'purchase.reject', payload: { requestId: q.id } },
      ],
      private: true,
    });
  }
  return ok(
    `Your request for ${what} went to ${plural(r.approvers, 'approver')}. You'll hear when it is decided.`,
    { fields },
  );
};
