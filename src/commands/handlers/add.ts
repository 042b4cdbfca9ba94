import { DomainError } from '../../domain/errors.ts';
import { MAX_SEATS_PER_REQUEST } from '../../domain/quote.ts';
import type { Words } from '../../i18n/words.ts';
import { checkPermission } from '../../service/check-permission.ts';
import { listPlans } from '../../service/list-plans.ts';
import { requestSeats } from '../../service/request-seats.ts';
import { seatCountField } from '../../service/support/input.ts';
import { lower, noMore, planName, refuse } from '../args.ts';
import { type CommandContext, emailOf, organizationFor, readerZone, wordsOf } from '../context.ts';
import { forNames } from '../for-people.ts';
import { searchPeople } from '../people.ts';
import { type Button, info, ok, type Reply } from '../reply.ts';
import { askGiveBackButton, buyAnywayButton, reuseLine } from '../reuse-facts.ts';
import { defineCommand } from '../spec.ts';
import { type Token, tokenText } from '../tokens.ts';
import { type Who, whoFrom } from '../who.ts';
import { confirmButtons } from './purchase-buttons.ts';

export interface AddCommand {
  name: 'add';
  /** both null: `add` alone, which opens the purchase form */
  quantity: number | null;
  plan: string | null;
  /** `for @ana ben@example.com`: whom the seats are for (given theirs as seats come) */
  forWho?: Who[];
}

/** The seat counts one request may ask for, as messages say them ("1 to 10,000"). */

/**
 * `add` alone opens the purchase form; `add 3 pro` shows the quote and routes it. The form's
 * submit runs it too (actions/purchase-form.ts).
 */
export const add = async (c: CommandContext, cmd: AddCommand): Promise<Reply> => {
  const organizationId = await organizationFor(c);
  const w0 = wordsOf(c);
  if (cmd.quantity === null || cmd.plan === null) {
    await checkPermission(c.service, c.actor, 'request_seats', { organizationId });
    const plans = await listPlans(c.service, { paidOnly: true });
    // whom the seats are for: a picker for those who may give seats to others
    const forPicker = await checkPermission(c.service, c.actor, 'assign', { organizationId }).then(
      async () => (await searchPeople(c, 'add.for', { limit: 20 })).options,
      (e: unknown) => {
        if (e instanceof DomainError) return null;
        throw e;
      },
    );
    return info(w0.t('commands_handlers.add.form_title'), {
      form: {
        action: 'purchase.form',
        title: w0.t('commands_handlers.add.form_title'),
        submitLabel: w0.t('commands_handlers.add.form_submit'),
        payload: { organizationId },
        fields: [
          {
            name: 'plan',
            label: w0.t('commands_handlers.add.form_plan'),
            type: 'select',
            required: true,
            options: plans.map((p) => ({ value: p.code, label: p.name })),
          },
          {
            name: 'quantity',
            label: w0.t('commands_handlers.add.form_quantity'),
            type: 'number',
            required: true,
            min: 1,
            max: MAX_SEATS_PER_REQUEST,
            initial: 1,
          },
          ...(forPicker
            ? [
                {
                  name: 'forPeople',
                  label: w0.t('commands_handlers.add.form_for'),
                  type: 'people' as const,
                  search: 'add.for' as const,
                  required: false,
                  options: forPicker,
                },
              ]
            : []),
        ],
      },
      private: true,
    });
  }
  // the reader's zone (Slack: a users.info call) is asked alongside the quote, not after it
  const zoning = readerZone(c);
  const forPeople = await Promise.all((cmd.forWho ?? []).map((who) => emailOf(c, who)));
  const r = await requestSeats(c.service, c.actor, {
    organizationId,
    quantity: cmd.quantity,
    plan: cmd.plan,
    forPeople,
  });
  const q = r.request;
  const w = wordsOf(c, await zoning);
  const fields = [
    { label: w.t('commands_handlers.add.charged_now'), value: w.money(q.proratedAmount, q.currency) },
    {
      label: w.t('commands_handlers.add.recurring'),
      value: w.t('commands_handlers.add.recurring_value', {
        amount: w.money(q.recurringTotal, q.currency),
        period: r.period ?? 'other',
      }),
    },
    {
      // an approver's own quote is confirmed while its price holds; others wait a week for an approver
      label: w.t(
        q.needs === 'approval' ? 'commands_handlers.add.open_until' : 'commands_handlers.add.valid_until',
      ),
      value: w.when(q.quoteExpiresAt, c.service.clock.now()),
    },
  ];
  const what = w.t('commands_handlers.add.what', { count: q.quantity, plan: r.plan.name });
  if (r.forPeople) fields.push({ label: w.t('commands_handlers.add.for'), value: forNames(r.forPeople, w) });
  if (r.outcome === 'charged') return ok(w.t('commands_handlers.add.charged', { what }), { fields });
  if (r.outcome === 'payment_failed')
    return ok(w.t('commands_handlers.add.payment_failed', { reason: String(q.failureReason) }), {
      fields,
      tone: 'error',
      code: 'payment_failed',
    });
  // seats of the plan nobody uses come first: ask their holders before buying
  const reuse = r.reusable
    ? {
        line: `${reuseLine(r.reusable, r.plan.code, w)} ${w.t('approvals.reuse.facts_next')}`,
        ask: askGiveBackButton(q.id, w),
      }
    : null;
  if (q.needs === 'confirmation') {
    const text = w.t('commands_handlers.add.confirm', { what });
    return info(reuse ? `${text}\n${reuse.line}` : text, {
      fields,
      buttons: reuse
        ? [reuse.ask, ...buyAnyway(confirmButtons(q.id, undefined, w), w)]
        : confirmButtons(q.id, undefined, w),
      private: true,
    });
  }
  // held: nothing goes to the approvers until the requester asks for those seats back or buys anyway
  if (r.held && reuse)
    return info(`${w.t('commands_handlers.add.held', { what })}\n${reuse.line}`, {
      fields,
      buttons: [reuse.ask, buyAnywayButton(q.id, w)],
      // the choice is the requester's: nobody else in the channel sees its buttons
      private: true,
    });
  return ok(w.t('commands_handlers.add.routed', { what, approvers: r.approvers }), { fields });
};

/** Next to "Ask them to give back", confirming is buying anyway: the button says so. */
const buyAnyway = ([confirm, ...rest]: Button[], w: Words): Button[] => [
  { ...confirm!, label: w.t('approvals.reuse.buy_anyway') },
  ...rest,
];

/** The words before `for`, and the people after it (each a mention or an email). */
const splitFor = (a: readonly Token[], usage: string): { before: Token[]; forWho: Who[] } => {
  const at = a.findIndex((t) => lower(t) === 'for');
  if (at < 0) return { before: [...a], forWho: [] };
  const people = a.slice(at + 1).filter((t) => lower(t) !== 'and');
  if (people.length === 0) refuse({ key: 'commands_handlers.add.for_nobody', args: { usage } });
  const forWho = people.map(
    (t) =>
      whoFrom(t) ?? refuse({ key: 'handlers_people.invite.not_who', args: { typed: tokenText(t), usage } }),
  );
  return { before: a.slice(0, at), forWho };
};

export const addSpec = defineCommand<AddCommand>({
  name: 'add',
  syntax: 'add <n> <plan> [for <who>…]',
  summary: 'commands_handlers.summary.add',
  example: 'add 3 pro',
  parse: (all, usage) => {
    if (all.length === 0) return { quantity: null, plan: null };
    const { before: a, forWho } = splitFor(all, usage);
    // "add pro for @ana @ben": a seat for each person named
    if (a.length === 1 && forWho.length && !/^[+-]?\d/.test(tokenText(a[0]!)))
      return { quantity: forWho.length, plan: planName(a[0], usage), forWho };
    // "add 3 pro" and "add pro 3" both read naturally
    const [first, second] = a;
    const numberFirst = /^[+-]?\d/.test(tokenText(first!));
    const n = numberFirst ? first : second;
    const p = numberFirst ? second : first;
    const raw = n ? tokenText(n) : '';
    if (!/^\d+$/.test(raw))
      refuse({ key: 'commands_handlers.add.seats_whole', args: { max: MAX_SEATS_PER_REQUEST, usage } });
    const q = seatCountField.safeParse(Number(raw));
    if (!q.success)
      refuse({ key: 'commands_handlers.add.seats_range', args: { max: MAX_SEATS_PER_REQUEST } });
    const plan = planName(p, usage);
    noMore(a.slice(2), usage);
    return { quantity: q.data!, plan, ...(forWho.length ? { forWho } : {}) };
  },
  run: add,
});
