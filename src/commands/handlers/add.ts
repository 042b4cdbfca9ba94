import { MAX_SEATS_PER_REQUEST } from '../../domain/quote.ts';
import { checkPermission } from '../../service/check-permission.ts';
import { listPlans } from '../../service/list-plans.ts';
import { requestSeats } from '../../service/request-seats.ts';
import { seatCountField } from '../../service/support/input.ts';
import { noMore, planName, refuse } from '../args.ts';
import { type CommandContext, organizationFor, readerZone } from '../context.ts';
import { plural, price, when } from '../format.ts';
import { perPeriod } from '../plan-title.ts';
import { info, ok, type Reply } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';
import { confirmButtons } from './purchase-buttons.ts';

export interface AddCommand {
  name: 'add';
  /** both null: `add` alone, which opens the purchase form */
  quantity: number | null;
  plan: string | null;
}

/** The seat counts one request may ask for, as messages say them ("1 to 10,000"). */
export const SEAT_RANGE = `1 to ${MAX_SEATS_PER_REQUEST.toLocaleString('en-US')}`;

/**
 * `add` alone opens the purchase form; `add 3 pro` shows the quote and routes it. The form's
 * submit runs it too (actions/purchase-form.ts).
 */
export const add = async (c: CommandContext, cmd: AddCommand): Promise<Reply> => {
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
            max: MAX_SEATS_PER_REQUEST,
            initial: 1,
          },
        ],
      },
      private: true,
    });
  }
  // the reader's zone (Slack: a users.info call) is asked alongside the quote, not after it
  const zoning = readerZone(c);
  const r = await requestSeats(c.service, c.actor, {
    organizationId,
    quantity: cmd.quantity,
    plan: cmd.plan,
  });
  const q = r.request;
  const zone = await zoning;
  const fields = [
    { label: 'Charged now (prorated)', value: price(q.proratedAmount, q.currency) },
    { label: 'New recurring total', value: `${price(q.recurringTotal, q.currency)} ${perPeriod(r.period)}` },
    { label: 'Quote valid until', value: when(q.quoteExpiresAt, zone, c.service.clock.now()) },
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
      buttons: confirmButtons(q.id),
      private: true,
    });
  }
  return ok(
    `Your request for ${what} went to ${plural(r.approvers, 'approver')}. You'll hear when it is decided.`,
    { fields },
  );
};

export const addSpec = defineCommand<AddCommand>({
  name: 'add',
  syntax: 'add <n> <plan>',
  summary: 'Ask for more seats: shows the prorated quote, then goes for approval.',
  example: 'add 3 pro',
  parse: (a, usage) => {
    if (a.length === 0) return { quantity: null, plan: null };
    // "add 3 pro" and "add pro 3" both read naturally
    const [first, second] = a;
    const numberFirst = /^[+-]?\d/.test(tokenText(first!));
    const n = numberFirst ? first : second;
    const p = numberFirst ? second : first;
    const raw = n ? tokenText(n) : '';
    if (!/^\d+$/.test(raw))
      refuse(`The number of seats must be a whole number from ${SEAT_RANGE}: \`${usage}\`.`);
    const q = seatCountField.safeParse(Number(raw));
    if (!q.success) refuse(`The number of seats must be from ${SEAT_RANGE}.`);
    const plan = planName(p, usage);
    noMore(a.slice(2), usage);
    return { quantity: q.data!, plan };
  },
  run: add,
});
