import { describe, expect, expectTypeOf, it } from 'vitest';
import { MalformedNotice, parseNotice, renderNotice } from '../../src/commands/notices.ts';
import { NOTICE_KINDS, type Notice, type NoticeKind, type NoticePayloads } from '../../src/domain/notices.ts';
import { notify } from '../../src/service/support/records.ts';

const at = '2026-03-01T00:00:00.000Z';
const request = {
  requestId: 'r-1',
  organizationName: 'Acme',
  plan: 'pro',
  quantity: 3,
  proratedAmount: 4500,
  recurringTotal: 9000,
  currency: 'EUR',
};

/** Every variant of every kind, as its writer queues it. */
const SAMPLES: Notice[] = [
  {
    kind: 'invitation',
    payload: {
      invitationId: 'i-1',
      organizationName: 'Acme',
      invitedBy: 'alice@example.com',
      role: 'member',
      plan: 'pro',
      expiresAt: at,
    },
  },
  {
    kind: 'invitation',
    payload: {
      invitationId: 'i-2',
      organizationName: 'Acme',
      invitedBy: 'alice@example.com',
      role: 'admin',
      plan: null,
      expiresAt: at,
    },
  },
  { kind: 'invitation', payload: { event: 'invitation_declined', email: 'bob@example.com' } },
  {
    kind: 'approval_request',
    payload: { ...request, status: 'pending', requestedBy: 'bob@example.com', quoteExpiresAt: at },
  },
  { kind: 'purchase_result', payload: { ...request, status: 'charged' } },
  { kind: 'purchase_result', payload: { ...request, status: 'payment_failed', reason: 'Card declined.' } },
  {
    kind: 'purchase_result',
    payload: { ...request, status: 'rejected', reason: 'Not now', decidedBy: 'carol@example.com' },
  },
  { kind: 'purchase_result', payload: { ...request, status: 'rejected', reason: null, decidedBy: '' } },
  { kind: 'purchase_result', payload: { ...request, status: 'expired' } },
  {
    kind: 'seat_assigned',
    payload: { organizationName: 'Acme', plan: 'pro', previousPlan: 'free', by: 'alice@example.com' },
  },
  {
    kind: 'seat_assigned',
    payload: {
      event: 'invitation_accepted',
      email: 'bob@example.com',
      organizationName: 'Acme',
      plan: 'free',
      seatWanted: 'pro',
      noFreeSeat: true,
    },
  },
  {
    kind: 'seat_assigned',
    payload: {
      event: 'invitation_accepted',
      email: 'bob@example.com',
      organizationName: 'Acme',
      plan: 'pro',
      seatWanted: 'pro',
      noFreeSeat: false,
    },
  },
  {
    kind: 'seat_removed',
    payload: {
      organizationName: 'Acme',
      plan: 'pro',
      by: 'alice@example.com',
      warnings: ['No more access to: exports'],
    },
  },
  {
    kind: 'seat_removed',
    payload: { organizationName: 'Acme', plan: 'pro', by: 'alice@example.com', warnings: [] },
  },
  { kind: 'seat_removed', payload: { reason: 'not_renewed', organizationName: null, plan: 'pro' } },
  { kind: 'seat_ending', payload: { organizationName: 'Acme', plan: 'pro', endsAt: at } },
  { kind: 'offboarded', payload: { organizationName: 'Acme', by: 'alice@example.com' } },
  {
    kind: 'scim_offboarded',
    payload: {
      organizationName: 'Acme',
      offboarded: [
        { email: 'bob@example.com', seat: { plan: 'pro', freed: true, autoRenew: true, frozen: false } },
        { email: 'dan@example.com', seat: { plan: 'pro', freed: false, autoRenew: false, frozen: true } },
        { email: 'eve@example.com', seat: null },
      ],
    },
  },
  {
    kind: 'organization_deleted',
    payload: { organizationName: 'Acme', personalPlan: 'solo', restored: true, closed: true },
  },
  {
    kind: 'organization_cancelled',
    payload: { organizationName: 'Acme', personalPlan: 'free', restored: false, closed: true },
  },
  { kind: 'organization_cancelled', payload: { organizationName: 'Acme', paidThrough: at } },
  {
    kind: 'workspace_linked',
    payload: { organizationName: 'Acme', by: 'alice@example.com', platform: 'slack', workspaceId: 'T1' },
  },
  {
    kind: 'workspace_unlinked',
    payload: {
      organizationName: 'Acme',
      by: 'alice@example.com',
      platform: 'teams',
      workspaceId: 'tenant-1',
    },
  },
  {
    kind: 'ownership_transferred',
    payload: { organizationName: 'Acme', from: 'alice@example.com', to: 'bob@example.com' },
  },
  {
    kind: 'renewal_reminder',
    payload: {
      contractId: 'c-1',
      organizationName: 'Acme',
      renewalDate: '2026-04-01T00:00:00.000Z',
      endingCount: 3,
      ending: [
        { plan: 'pro', count: 2, holders: ['bob@example.com'] },
        { plan: 'business', count: 1, holders: [] },
      ],
      idleCount: 2,
      idle: [{ email: 'dan@example.com', plan: 'pro', idleSince: at, idleDays: 31 }],
      nextCharge: {
        amount: 19350,
        currency: 'EUR',
        date: '2026-04-01T00:00:00.000Z',
        byPlan: [{ plan: 'pro', seats: 11, amount: 19350 }],
      },
    },
  },
  {
    kind: 'renewal_reminder',
    payload: {
      contractId: 'c-2',
      organizationName: null,
      renewalDate: '2026-04-01T00:00:00.000Z',
      endingCount: 0,
      ending: [],
      idleCount: 0,
      idle: [],
      nextCharge: { amount: 0, currency: 'USD', date: '2026-04-01T00:00:00.000Z', byPlan: [] },
    },
  },
  {
    kind: 'idle_seat_offer',
    payload: {
      offerId: 'x-1',
      organizationName: 'Acme',
      plan: 'pro',
      idleSince: at,
      idleDays: 28,
      expiresAt: '2026-04-05T00:00:00.000Z',
    },
  },
  {
    kind: 'idle_seat_reclaimed',
    payload: { organizationName: 'Acme', plan: 'pro', idleSince: at, offeredAt: '2026-03-29T00:00:00.000Z' },
  },
  { kind: 'organization_ready', payload: { organizationName: 'Acme' } },
  {
    kind: 'billing_problem',
    payload: {
      organizationName: 'Acme',
      reason: 'the renewal payment failed: Card declined.',
      nextRetryAt: at,
      attempt: 1,
    },
  },
  {
    kind: 'billing_problem',
    payload: { organizationName: null, reason: 'An invoice was not paid: expired' },
  },
  {
    kind: 'payment_received',
    payload: {
      organizationName: 'Acme',
      what: 'renewal payment of 2026-03-01',
      amount: 19350,
      currency: 'EUR',
    },
  },
  { kind: 'seats_suspended', payload: { organizationName: 'Acme' } },
  { kind: 'seats_restored', payload: { organizationName: null } },
  // issue 19 (appended: the samples above are read by position)
  {
    kind: 'approval_reminder',
    payload: {
      ...request,
      status: 'pending',
      requestedBy: 'bob@example.com',
      quoteExpiresAt: at,
      waitedHours: 12,
    },
  },
  {
    kind: 'approval_escalation',
    payload: {
      ...request,
      status: 'pending',
      requestedBy: 'bob@example.com',
      quoteExpiresAt: at,
      period: 'month',
      forApprover: 'alice@example.com',
      waitedHours: 20,
    },
  },
  {
    kind: 'delegate_named',
    payload: { organizationName: 'Acme', approver: 'alice@example.com', until: '2026-03-05' },
  },
  {
    kind: 'purchase_result',
    payload: { ...request, status: 'charged', decidedBy: 'dan@example.com', onBehalfOf: 'alice@example.com' },
  },
  {
    kind: 'purchase_result',
    payload: {
      ...request,
      status: 'rejected',
      reason: null,
      decidedBy: 'dan@example.com',
      onBehalfOf: 'alice@example.com',
    },
  },
  {
    kind: 'receipt',
    payload: {
      organizationName: 'Acme',
      what: { kind: 'purchase', plan: 'pro', quantity: 2 },
      requestedBy: 'bob@example.com',
      approvedBy: 'alice@example.com',
      onBehalfOf: null,
      currency: 'EUR',
      lines: [
        {
          plan: 'pro',
          listPrice: 1500,
          bands: [{ firstSeat: 1, lastSeat: 2, seats: 2, discountBps: 0, unitPrice: 1500, amount: 3000 }],
          fullPeriod: 3000,
          secondsLeft: 1_339_200,
          secondsInPeriod: 2_678_400,
          charged: 1500,
        },
      ],
      total: 1500,
      periodStart: at,
      periodEnd: '2026-04-01T00:00:00.000Z',
      reference: 'ledger-1',
    },
  },
  {
    kind: 'request_shrunk',
    payload: { requestId: 'r1', organizationName: 'Acme', plan: 'pro', given: 1, quantity: 2 },
  },
  {
    kind: 'approval_request',
    payload: {
      ...request,
      status: 'pending',
      requestedBy: 'bob@example.com',
      quoteExpiresAt: at,
      reusable: { count: 7, names: ['Dan', 'Eve'] },
    },
  },
  {
    kind: 'approval_updated',
    payload: {
      ...request,
      quantity: 2,
      proratedAmount: 3000,
      recurringTotal: 6000,
      status: 'pending',
      requestedBy: 'bob@example.com',
      quoteExpiresAt: at,
      period: 'month',
      reusable: { count: 1, names: ['Eve'] },
      given: 1,
    },
  },
  {
    kind: 'approval_updated',
    payload: {
      ...request,
      status: 'covered',
      requestedBy: 'bob@example.com',
      quoteExpiresAt: at,
      forApprover: 'alice@example.com',
      given: 2,
    },
  },
];

/** As the worker reads it: through JSON, then the schema of its kind. */
const stored = (n: Notice) => parseNotice(n.kind, JSON.parse(JSON.stringify(n.payload)));

describe('notices', () => {
  it('has a sample of every kind', () => {
    expect(new Set(SAMPLES.map((n) => n.kind))).toEqual(new Set(NOTICE_KINDS));
  });

  it('renders every kind as stored, with no blanks', () => {
    for (const n of SAMPLES) {
      const reply = renderNotice(stored(n));
      const all = [
        reply.text,
        ...(reply.fields ?? []).map((f) => f.value),
        ...(reply.sections ?? []).flatMap((s) => s.lines),
      ].join('\n');
      expect(reply.text, n.kind).not.toBe('');
      expect(all, n.kind).not.toMatch(/undefined|null|NaN|Invalid Date| {2}/);
    }
  });

  it('says seats given back for a request, and seats nobody uses on the approval card', () => {
    const byKind = (k: string) => SAMPLES.filter((n) => n.kind === k).at(-1)!;
    expect(renderNotice(stored(byKind('request_shrunk'))).text).toBe(
      'A Pro seat was given back in Acme for your request: free now, give it with `assign <who> pro`. Your request is for 2 Pro seats now.',
    );
    expect(renderNotice(stored(byKind('approval_request'))).text).toContain(
      '\n7 Pro seats are not in use (idle for over 28 days, or held by someone who left): Dan, Eve and 5 more.',
    );
  });

  it('a request that shrank redraws its approval card with the new figures; covered, with nothing to decide', () => {
    const [shrunk, covered] = SAMPLES.filter((n) => n.kind === 'approval_updated').map((n) =>
      renderNotice(stored(n)),
    );
    expect(shrunk!.text).toBe(
      'bob@example.com asks for 2 Pro seats in Acme. Now 2 Pro seats: 1 was given back.\n1 Pro seat is not in use (idle for over 28 days, or held by someone who left): Eve.',
    );
    expect(shrunk!.fields?.map((f) => f.value)).toEqual([
      '€30.00',
      '€60.00 per month',
      'Mar 1, 2026, 00:00 UTC',
    ]);
    expect(shrunk!.buttons?.map((b) => [b.action, b.payload])).toEqual([
      ['purchase.approve', { requestId: 'r-1' }],
      ['purchase.reject', { requestId: 'r-1' }],
    ]);
    expect(covered!.text).toBe(
      'bob@example.com’s request for 3 Pro seats in Acme is covered by seats given back: nothing will be bought, and nothing is left to decide.',
    );
    expect(covered!.buttons ?? []).toEqual([]);
    expect(covered!.fields ?? []).toEqual([]);
  });

  it('reads as before', () => {
    const text = (n: Notice) => renderNotice(stored(n)).text;
    expect(text(SAMPLES[0]!)).toBe(
      'alice@example.com invites you to Acme as a member with a Pro seat. The invitation lasts until Mar 1, 2026, 00:00 UTC.',
    );
    expect(text(SAMPLES[7]!)).toBe('An approver rejected 3 Pro seats in Acme.');
    expect(text(SAMPLES[14]!)).toBe(
      'Your Pro seat in your organization ended with the period and was not renewed. You are on Free now.',
    );
    expect(text(SAMPLES[25]!)).toBe('Your contract renews on 2026-04-01: the next charge is $0.00.');
    expect(renderNotice(stored(SAMPLES[24]!)).sections).toEqual([
      {
        title: 'Seats ending (auto-renew off)',
        lines: ['2 Pro seats (held by bob@example.com)', '1 Business seat'],
      },
      {
        title: 'Idle for 28 days or more',
        lines: ['dan@example.com: Pro, unused since 2026-03-01 (31 days)', '… and 1 more'],
      },
    ]);
  });

  it('nudges carry the Approve/Reject buttons; a delegate is told whose decision it is, and decisions say on behalf of', () => {
    const byKind = (k: string, i = 0) => SAMPLES.filter((n) => n.kind === k)[i]!;
    const reminder = renderNotice(stored(byKind('approval_reminder')));
    expect(reminder.text).toBe(
      'Reminder: bob@example.com asked for 3 Pro seats in Acme 12 hours ago and nobody has answered yet.',
    );
    expect(reminder.buttons?.map((b) => [b.action, b.payload])).toEqual([
      ['purchase.approve', { requestId: 'r-1' }],
      ['purchase.reject', { requestId: 'r-1' }],
    ]);
    const escalation = renderNotice(stored(byKind('approval_escalation')));
    expect(escalation.text).toMatch(
      /^Nobody has answered bob@example.com’s request for 3 Pro seats in Acme for 20 hours: the owner is told as well\./,
    );
    expect(escalation.text).toMatch(/You decide this for alice@example.com while they are away\.$/);
    expect(escalation.buttons).toHaveLength(2);
    expect(renderNotice(stored(byKind('delegate_named'))).text).toMatch(
      /^alice@example.com named you to decide seat purchases in Acme for them until 2026-03-05 \(included\)/,
    );
    expect(renderNotice(stored(byKind('purchase_result', 5))).text).toBe(
      'Approved by dan@example.com on behalf of alice@example.com and paid: 3 Pro seats added to Acme (€45.00).',
    );
    expect(renderNotice(stored(byKind('purchase_result', 6))).text).toBe(
      'dan@example.com rejected 3 Pro seats in Acme on behalf of alice@example.com.',
    );
    expect(renderNotice(stored(byKind('purchase_result', 4))).text).toBe(
      'Your request for 3 Pro seats in Acme expired before an approver answered, so nothing was charged. Ask again with `add 3 pro`.',
    );
  });

  it('names the plan of a seat freed because its contract moved', () => {
    const n = parseNotice('seat_removed', { planCode: 'pro', contractId: 'c-1', reason: 'contract_moved' });
    expect(renderNotice(n).text).toBe('Your Pro seat in your organization was removed. You are on Free now.');
  });

  it('refuses a stored notice that does not match its kind', () => {
    expect(() => parseNotice('no_such_kind', {})).toThrow(MalformedNotice);
    expect(() => parseNotice('seat_ending', {})).toThrow(/seat_ending.*plan/);
    expect(() => parseNotice('offboarded', { organizationName: 'Acme' })).toThrow(/by/);
    expect(() =>
      parseNotice('payment_received', { organizationName: 'Acme', what: 'x', amount: '1', currency: 'EUR' }),
    ).toThrow(/amount/);
    expect(() =>
      parseNotice('seat_ending', { organizationName: 'Acme', plan: 'pro', endsAt: 'soon' }),
    ).toThrow(/endsAt/);
    expect(() => parseNotice('invitation', null)).toThrow(MalformedNotice);
  });

  it('drops fields it does not know', () => {
    expect(parseNotice('seats_restored', { organizationName: 'Acme', extra: 1 }).payload).toEqual({
      organizationName: 'Acme',
    });
  });

  it('checks a notice whose kind is picked at run time, keeping it as written', () => {
    const p = { organizationName: 'Acme', reason: 'x', attempt: 2 };
    expect(notify.checked('billing_problem', p)).toEqual({ kind: 'billing_problem', payload: p });
    expect(() => notify.checked('billing_problem', { organizationName: 'Acme' })).toThrow(MalformedNotice);
  });

  it('ties each kind to its payload at compile time', () => {
    expectTypeOf(wrongNotices).toBeFunction(); // its lines are checked by tsc (below)
    expectTypeOf<NoticePayloads['seats_restored']>().toEqualTypeOf<{ organizationName: string | null }>();
    expectTypeOf<Extract<Notice, { kind: 'offboarded' }>['payload']>().toEqualTypeOf<
      NoticePayloads['offboarded']
    >();
    expectTypeOf<NoticeKind>().toEqualTypeOf<(typeof NOTICE_KINDS)[number]>();
  });
});

// Compile-time checks (tsc reads this file; it is never called): each line below must fail to
// type-check, or `@ts-expect-error` itself is reported as unused.
const wrongNotices = (em: Parameters<typeof notify>[0], now: Date) => {
  const base = { organizationId: 'o', recipientId: 'a' };
  notify(em, now, {
    ...base,
    kind: 'seat_ending',
    // @ts-expect-error a misnamed field (`plan`, not `planName`)
    payload: { organizationName: 'Acme', planName: 'pro', endsAt: at },
  });
  // @ts-expect-error a missing field
  notify(em, now, { ...base, kind: 'offboarded', payload: { organizationName: 'Acme' } });
  notify(em, now, {
    ...base,
    kind: 'payment_received',
    // @ts-expect-error a field of the wrong type (amounts are integer minor units)
    payload: { organizationName: 'A', what: 'x', amount: '1', currency: 'EUR' },
  });
  // @ts-expect-error a kind that does not exist
  notify(em, now, { ...base, kind: 'seat_gone', payload: { organizationName: 'Acme' } });
  // @ts-expect-error another kind's payload
  renderNotice({ kind: 'idle_seat_offer', payload: { organizationName: 'Acme' } });
  // @ts-expect-error the renderer takes a typed notice, not a kind and a loose record
  renderNotice('seat_ending', {});
};
