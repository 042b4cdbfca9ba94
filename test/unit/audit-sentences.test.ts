import { describe, expect, it } from 'vitest';
import { auditLines, auditSentence, genericSentence } from '../../src/commands/audit/sentence.ts';
import type { AuditFacts, AuditWords } from '../../src/commands/audit/words.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../../src/domain/audit-actions.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import type { AuditEntry, AuditPage } from '../../src/service/list-audit.ts';

const ID = '4726bf17-0c1d-4f5e-9a2b-3c4d5e6f7a8b';
const AT = '2026-12-08T20:20:22.356Z';
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';

/** What each kind's use case writes (read from src/service), with ids and ISO times as stored. */
const ROWS: Record<AuditAction, { before?: object; after?: object; actor?: boolean }> = {
  'account.created': { after: { email: BEN, name: 'Ben', personalPlan: 'free', paymentMethod: null } },
  'account.updated': {
    before: { name: null, personalPlan: 'free' },
    after: { name: 'Ben', personalPlan: 'business' },
  },
  'approval.delegated': { actor: true, after: { email: BEN, until: '2026-12-24' } },
  'approval.delegation_ended': { actor: true, before: { email: BEN, until: '2026-12-24' } },
  'billing.charge_declined': {
    before: { status: 'due', retries: 0 },
    after: {
      chargeId: ID,
      kind: 'renewal',
      periodStart: AT,
      amount: 9000,
      attempt: 0,
      status: 'retrying',
      reason: 'card_declined',
      nextRetryAt: AT,
    },
  },
  'billing.drift': { after: { drift: [{ planCode: 'pro', ours: 3, billed: 2 }], source: 'reconciliation' } },
  'billing.invoice_differs': {
    after: {
      invoice: 'in_123',
      chargeId: ID,
      charged: { amount: 6000, currency: 'eur' },
      invoiced: { amount: 6100, currency: 'eur' },
    },
  },
  'billing.invoice_failed': { after: { invoice: 'in_123', reason: 'card_declined' } },
  'billing.overdue_paid': {
    before: { status: 'retrying' },
    after: {
      chargeId: ID,
      kind: 'renewal',
      periodStart: AT,
      amount: 9000,
      attempt: 2,
      status: 'paid',
      chargeRef: 'ch_1',
    },
  },
  'billing.period_charged': {
    before: { status: 'due' },
    after: {
      chargeId: ID,
      kind: 'late_purchase',
      periodStart: AT,
      amount: 3000,
      attempt: 0,
      status: 'paid',
      chargeRef: 'ch_1',
    },
  },
  'billing.schedule_failed': { after: { error: 'provider down', renewing: true } },
  'contract.connected': {
    actor: true,
    before: { kind: 'external', organizationId: null, managerId: ID, currentPeriodEnd: AT },
    after: {
      kind: 'external',
      organizationId: ID,
      managerId: ID,
      currentPeriodEnd: AT,
      via: 'key',
      releasedSeats: 2,
    },
  },
  'contract.created': {
    after: {
      kind: 'external',
      organizationId: null,
      managerId: ID,
      currentPeriodStart: AT,
      managerEmail: ANA,
      seats: { pro: 3, business: 2 },
    },
  },
  'contract.disconnected': {
    actor: true,
    before: { disconnectedAt: null },
    after: { disconnectedAt: AT, managerId: ID },
  },
  'contract.key_issued': {
    actor: true,
    before: { hadKey: false, keyExpiresAt: null },
    after: { hadKey: true, keyExpiresAt: AT },
  },
  'contract.renewal_reminder': {
    after: {
      renewalDate: AT,
      recipients: 2,
      endingCount: 1,
      idleCount: 0,
      nextCharge: 9000,
      currency: 'eur',
    },
  },
  'contract.renewed': {
    before: { periodStart: AT, periodEnd: AT },
    after: {
      periodStart: AT,
      periodEnd: AT,
      seatsEnded: 1,
      purchasesInFlight: 0,
      invoice: 9000,
      paid: false,
      chargeRef: null,
      failureReason: 'card_declined',
    },
  },
  'contract.restored': { before: { suspendedAt: AT }, after: { suspendedAt: null, seatHolders: 3 } },
  'contract.suspended': {
    before: { suspendedAt: null },
    after: { suspendedAt: AT, chargeId: ID, reason: 'card_declined', seatHolders: 3 },
  },
  'identity.verified': { actor: true, after: { platform: 'slack', workspaceId: 'T123', userId: 'U123' } },
  'invitation.accepted': {
    actor: true,
    before: { invitationId: ID, invitation: 'pending', membership: null },
    after: { email: BEN, role: 'member', plan: 'pro' },
  },
  'invitation.created': { actor: true, after: { email: BEN, role: 'member', plan: 'pro', expiresAt: AT } },
  'invitation.declined': { actor: true, before: { status: 'pending' }, after: { status: 'declined' } },
  'invitation.expired': { before: { status: 'pending' }, after: { status: 'expired', email: BEN } },
  'invitation.revoked': {
    actor: true,
    before: { status: 'pending' },
    after: { status: 'revoked', email: BEN },
  },
  'member.deprovisioned': { after: { email: BEN, actor: 'scim' } },
  'member.offboarded': {
    actor: true,
    before: { status: 'active', plan: 'pro' },
    after: { status: 'detached', former: true, seatFreed: true, seatAutoRenew: true, email: BEN },
  },
  'member.provisioned': {
    before: { membership: null },
    after: { email: BEN, role: 'member', plan: 'pro', externalId: '00u1', actor: 'scim' },
  },
  'member.reactivated': {
    before: { status: 'detached' },
    after: { status: 'active', plan: 'pro', email: BEN, actor: 'scim' },
  },
  'member.role': {
    actor: true,
    before: { role: 'member', approver: false },
    after: { role: 'admin', approver: true, email: BEN },
  },
  'member.scim_attributes': {
    before: { externalId: '00u1', givenName: 'B', familyName: 'L', displayName: 'B L' },
    after: {
      externalId: '00u1',
      givenName: 'Ben',
      familyName: 'Lima',
      displayName: 'Ben Lima',
      actor: 'scim',
    },
  },
  'organization.activated': {
    before: { status: 'pending' },
    after: { status: 'active', billingRef: 'sub_1' },
  },
  'organization.billing_details_changed': {
    actor: true,
    before: { billingDetails: null },
    after: { billingDetails: { company: 'Acme', email: ANA, country: 'PT', vatId: null, address: null } },
  },
  'organization.cancellation_requested': {
    actor: true,
    before: { status: 'active', paidThrough: null },
    after: { status: 'cancelling', paidThrough: AT },
  },
  'organization.cancellation_undone': {
    actor: true,
    before: { status: 'cancelling', paidThrough: AT },
    after: { status: 'active', paidThrough: null },
  },
  'organization.closed': { before: { status: 'cancelling', members: 4 }, after: { status: 'cancelled' } },
  'organization.created': {
    actor: true,
    after: {
      name: 'Acme',
      ownerId: ID,
      period: 'month',
      contractId: ID,
      linked: { platform: 'slack', workspaceId: 'T1' },
    },
  },
  'organization.deleted': {
    actor: true,
    before: { status: 'active', members: 4 },
    after: { status: 'deleted' },
  },
  'organization.edition_changed': {
    actor: true,
    before: { edition: 'standard' },
    after: { edition: 'plus' },
  },
  'organization.link_code_issued': { actor: true, after: { expiresAt: AT } },
  'organization.module_added': { actor: true, before: { modules: [] }, after: { modules: ['sso'] } },
  'organization.module_removed': {
    actor: true,
    before: { modules: ['sso', 'integrations'] },
    after: { modules: ['sso'] },
  },
  'organization.offboarding_defaults': {
    actor: true,
    before: { freeSeat: true, stopAutoRenew: false, markFormer: false },
    after: { freeSeat: true, stopAutoRenew: true, markFormer: false },
  },
  'organization.owner': { actor: true, before: { owner: ANA, newOwnerRole: 'admin' }, after: { owner: BEN } },
  'organization.payment_failed': {
    before: { status: 'pending' },
    after: { status: 'pending', reason: 'card_declined' },
  },
  'organization.settings': {
    actor: true,
    before: { autoAssign: false, autoApproveBelow: null, idleReclaim: false },
    after: { autoAssign: true, autoApproveBelow: 5000, idleReclaim: false },
  },
  'organization.workspace_linked': { actor: true, after: { platform: 'teams', workspaceId: ID } },
  'organization.workspace_unlinked': { actor: true, before: { platform: 'slack', workspaceId: 'T1' } },
  'personal_plan.paused': {
    before: { personalPlan: 'solo', paused: false },
    after: { personalPlan: 'solo', paused: true },
  },
  'personal_plan.restored': {
    before: { personalPlan: 'solo', paused: true },
    after: { personalPlan: 'solo', paused: false },
  },
  'personal_plan.upgraded': {
    actor: true,
    before: { personalPlan: 'free' },
    after: { personalPlan: 'business', chargeRef: 'ch_1' },
  },
  'purchase.approved': { actor: true, before: { status: 'pending' }, after: { status: 'approved', by: ANA } },
  'purchase.charged': {
    before: { status: 'approved' },
    after: { status: 'charged', seatsAdded: 3, plan: 'pro', chargeRef: 'ch_1' },
  },
  'purchase.confirmed': {
    actor: true,
    before: { status: 'pending' },
    after: { status: 'approved', by: ANA },
  },
  'purchase.expired': { before: { status: 'pending' }, after: { status: 'expired' } },
  'purchase.late_period_billed': { after: { periodStart: AT, seats: 3, plan: 'pro', amount: 4500 } },
  'purchase.payment_expired': {
    before: { status: 'payment_failed', awaitingPayment: true },
    after: { status: 'payment_failed', reason: 'authentication_required' },
  },
  'purchase.payment_failed': {
    before: { status: 'approved' },
    after: { status: 'payment_failed', reason: 'card_declined' },
  },
  'purchase.escalated': { after: { waitedHours: 73, recipients: 3 } },
  'purchase.reminded': { after: { waitedHours: 25, recipients: 2 } },
  'purchase.cancelled': {
    actor: true,
    before: { status: 'pending' },
    after: { status: 'rejected', reason: null, withdrawn: true },
  },
  'purchase.rejected': {
    actor: true,
    before: { status: 'pending' },
    after: { status: 'rejected', reason: 'Not this quarter' },
  },
  'purchase.repriced': {
    actor: true,
    before: { proratedAmount: 3000, prorationDate: AT },
    after: { proratedAmount: 2100, prorationDate: AT },
  },
  'purchase.routed': { actor: true, after: { why: 'buy_anyway', approvers: 2 } },
  'purchase.shrunk': {
    before: { quantity: 3, status: 'pending' },
    after: { quantity: 2, status: 'pending', given: 1, how: 'given_back' },
  },
  'purchase.requested': {
    actor: true,
    after: { plan: 'pro', quantity: 3, proratedAmount: 3000, recurringTotal: 9000 },
  },
  'scim.token_issued': { actor: true },
  'scim.token_revoked': { actor: true },
  'scim.token_rotated': { actor: true },
  'seat.assigned': {
    actor: true,
    before: { plan: 'pro' },
    after: { plan: 'business', seatId: ID, email: BEN },
  },
  'seat.auto_assigned': {
    before: { plan: 'free' },
    after: { plan: 'pro', seatId: ID, email: BEN, feature: 'exports' },
  },
  'seat.auto_renew': { actor: true, before: { autoRenew: true }, after: { autoRenew: false, email: BEN } },
  'seat.given_back': {
    actor: true,
    before: { plan: 'pro', seatId: ID, offerId: ID, offer: 'open' },
    after: { plan: 'free', offer: 'given_back' },
  },
  'seat.idle_kept': {
    actor: true,
    before: { plan: 'pro', seatId: ID, offerId: ID, offer: 'open' },
    after: { plan: 'pro', offer: 'kept', lastUsedAt: AT },
  },
  'seat.idle_offer_void': {
    before: { offerId: ID, status: 'open' },
    after: { status: 'void', reason: 'used_again' },
  },
  'seat.idle_offered': { after: { offerId: ID, seatId: ID, plan: 'pro', idleSince: AT, expiresAt: AT } },
  'seat.idle_reclaimed': {
    before: { plan: 'pro', seatId: ID, offerId: ID, idleSince: AT },
    after: { plan: 'free' },
  },
  'seat.not_renewed': { before: { plan: 'pro', seatId: ID }, after: { plan: 'free' } },
  'seat.released': {
    actor: true,
    before: { planCode: 'pro', membershipId: ID, assignedAt: AT },
    after: { planCode: 'pro', membershipId: null, assignedAt: null, reason: 'contract_moved' },
  },
  'seat.unassigned': {
    actor: true,
    before: { plan: 'pro', seatId: ID, email: BEN },
    after: { plan: 'free' },
  },
};

const words: AuditWords = {
  person: (email) => ({ [ANA]: 'Ana Lima', [BEN]: 'Ben' })[email] ?? email,
  plan: (code) => ({ free: 'Free', pro: 'Pro', business: 'Business' })[code] ?? code,
  // the real formatter, in a zone an hour ahead of UTC in December
  at: (d) => wordsFor('en', 'Europe/Paris').when(d, new Date('2026-12-01T00:00:00Z')),
};

const facts = (action: string, row: { before?: object; after?: object; actor?: boolean }): AuditFacts => ({
  action,
  actor: row.actor ? 'Ana Lima' : null,
  subject: 'Ben',
  before: (row.before ?? {}) as Record<string, unknown>,
  after: (row.after ?? {}) as Record<string, unknown>,
  currency: 'eur',
  purchase: action.startsWith('purchase.')
    ? { plan: 'pro', quantity: 3, needs: 'approval', proratedAmount: 3000, currency: 'eur' }
    : null,
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

describe('audit sentences', () => {
  it('has a row above for every kind the service writes', () => {
    expect(Object.keys(ROWS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each([
    ...AUDIT_ACTIONS,
  ])('%s: one short line, no key=value, no id, no ISO time, not the generic one', (action) => {
    const f = facts(action, ROWS[action]);
    const s = auditSentence(f, words);
    expect(s).not.toBe(genericSentence(f));
    expect(s).not.toMatch(/=/);
    expect(s).not.toMatch(UUID);
    expect(s).not.toMatch(ISO);
    expect(s).not.toMatch(/undefined|null|\[object/);
    expect(s).not.toContain('\n');
    expect(s.length).toBeLessThan(200);
    expect(s).toMatch(/^[A-Z0-9“]/);
    expect(s).toMatch(/\.$/);
    // ids and references the rows carry never show
    expect(s).not.toMatch(/ch_1|sub_1|in_123|T123|U123|00u1/);
  });

  it('writes money as money, names people and plans', () => {
    const say = (action: AuditAction) => auditSentence(facts(action, ROWS[action]), words);
    expect(say('purchase.repriced')).toBe(
      'The request for 3 Pro seats was priced again when approved, for the days then left: €30.00 → €21.00.',
    );
    expect(
      auditSentence(facts('purchase.expired', { after: { status: 'expired', reason: 'price_rose' } }), words),
    ).toBe('The request for 3 Pro seats expired when approved: its price had gone up since it was asked.');
    expect(say('purchase.shrunk')).toBe(
      'A seat came back for the request of Pro seats (given back): it asks for 2 now.',
    );
    expect(say('purchase.routed')).toBe(
      'Ana Lima sent the request for 3 Pro seats to the approvers without waiting for unused seats.',
    );
    expect(say('purchase.requested')).toBe(
      'Ana Lima asked for 3 Pro seats, €30.00 now (prorated), approval needed.',
    );
    expect(say('seat.assigned')).toBe('Ana Lima gave Ben a Business seat (was Pro).');
    expect(say('seat.unassigned')).toBe('Ana Lima moved Ben from Pro to Free.');
    expect(say('organization.owner')).toBe('Ana Lima handed ownership to Ben.');
    expect(say('organization.settings')).toBe('Ana Lima turned auto-assign on, auto-approve below €50.00.');
    expect(say('billing.charge_declined')).toBe(
      'The renewal charge of €90.00 was declined: card_declined; next try Dec 8, 21:20.',
    );
    expect(say('billing.invoice_differs')).toBe(
      "The billing provider's renewal invoice took €61.00, not the €60.00 we recorded: no receipt was sent, check the invoice.",
    );
    expect(say('contract.created')).toBe(
      'A contract for 3 Pro seats and 2 Business seats was created, managed by Ana Lima.',
    );
    expect(say('invitation.created')).toBe(
      'Ana Lima invited Ben as member with a Pro seat, until Dec 8, 21:20.',
    );
    expect(say('member.role')).toBe('Ana Lima made Ben an admin and approver (was a member).');
    expect(say('member.offboarded')).toBe('Ana Lima offboarded Ben (their Pro seat freed, marked former).');
    expect(say('member.deprovisioned')).toBe('The identity provider deprovisioned Ben, who is offboarded.');
    expect(say('organization.module_removed')).toBe('Ana Lima removed the Integrations pack module.');
    expect(say('approval.delegated')).toBe(
      'Ana Lima named Ben to decide purchases for them until 2026-12-24.',
    );
    expect(say('approval.delegation_ended')).toBe('Ana Lima ended the delegation to Ben.');
    expect(say('purchase.reminded')).toBe(
      'The approvers were reminded of Ben’s request for 3 Pro seats, unanswered after 25 hours.',
    );
    expect(say('purchase.escalated')).toBe(
      'Ben’s request for 3 Pro seats went to the owner, unanswered after 73 hours.',
    );
    const delegated = facts('purchase.approved', {
      actor: true,
      after: { status: 'approved', onBehalfOf: BEN },
    });
    expect(auditSentence(delegated, words)).toMatch(/^Ana Lima on behalf of Ben approved /);
    const timing = facts('organization.settings', {
      actor: true,
      before: { approvalRemindHours: null, approvalEscalateHours: null },
      after: { approvalRemindHours: 6, approvalEscalateHours: 20 },
    });
    expect(auditSentence(timing, words)).toBe(
      'Ana Lima turned approval reminders after 6 h and escalation after 20 h.',
    );
  });

  it('falls back to a readable generic sentence for an unknown kind or a malformed row, never a throw', () => {
    const unknown = auditSentence(facts('seat.teleported', {}), words);
    expect(unknown).toBe('Seatkeeper made a change: seat teleported, about Ben.');
    // a known kind whose row lacks what its sentence needs (an old row), or holds the wrong types
    expect(auditSentence(facts('seat.assigned', { after: { plan: 42 } }), words)).toBe(
      'Seatkeeper made a change: seat assigned, about Ben.',
    );
    expect(
      auditSentence(facts('purchase.requested', { actor: true, after: { quantity: 'many' } }), { ...words }),
    ).toBe('Ana Lima asked for 3 Pro seats, approval needed.');
    for (const action of AUDIT_ACTIONS) {
      const odd = { ...facts(action, {}), purchase: null, subject: null };
      const s = auditSentence(odd, words);
      expect(s, action).toMatch(/^[A-Z].*\.$/);
      expect(s, action).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('starts each line with its time in the reader zone, the year only when not this one, UTC when the zone is unknown', () => {
    const entry = (at: string): AuditEntry => ({
      at: new Date(at),
      actor: ANA,
      action: 'seat.assigned',
      subject: { type: 'membership', id: ID },
      before: { plan: 'free' },
      after: { plan: 'business', seatId: ID, email: BEN },
      people: { actor: { email: ANA, name: 'Ana Lima' }, subject: { email: BEN, name: null } },
      currency: 'eur',
      purchase: null,
    });
    const page: AuditPage = {
      total: 2,
      events: [entry(AT), entry('2025-06-01T09:05:00Z')],
      names: { [ANA]: 'Ana Lima' },
      plans: { business: 'Business', free: 'Free' },
    };
    const now = new Date('2026-12-10T00:00:00Z');
    expect(auditLines(page, { timeZone: 'America/New_York', now })).toEqual([
      'Dec 8, 15:20 — Ana Lima gave ben@example.com a Business seat.',
      'Jun 1, 2025, 05:05 — Ana Lima gave ben@example.com a Business seat.',
    ]);
    expect(auditLines(page, { now })[0]).toBe(
      'Dec 8, 20:20 UTC — Ana Lima gave ben@example.com a Business seat.',
    );
    expect(auditLines(page, { timeZone: 'Not/AZone', now })[0]).toMatch(/^Dec 8, 20:20 UTC — /);
  });
});
