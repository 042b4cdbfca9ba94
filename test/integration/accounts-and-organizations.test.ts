import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import {
  AccountSchema,
  ContractSchema,
  MembershipSchema,
  OrganizationSchema,
  SeatSchema,
  UsageRecordSchema,
} from '../../db/schemas/index.ts';
import { acceptInvitation } from '../../src/service/answer-invitation.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { deleteOrganization } from '../../src/service/delete-organization.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { organizationsOf } from '../../src/service/organizations-of.ts';
import { recordUsage } from '../../src/service/record-usage.ts';
import { upgradePersonalPlan } from '../../src/service/upgrade-personal-plan.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import {
  account,
  accountRow,
  auditRows,
  email,
  membershipRow,
  orgWith,
  refusal,
  refusedUnchanged,
} from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

const ledgerRows = (payerId: string) =>
  db.em
    .fork()
    .execute<{ amount: string; currency: string; status: string }[]>(
      'select amount::int as amount, currency, status from ledger_charge where payer_id = ? order by created_at, status',
      [payerId],
    );

/** Invites `who` into the org as the owner and accepts as them; returns the accept result. */
const join = async (orgId: string, ownerEmail: string, who: string, plan?: string) => {
  const inv = await inviteMembers(
    db.ctx,
    { email: ownerEmail },
    { organizationId: orgId, emails: [who], plan },
  );
  return acceptInvitation(db.ctx, { email: who }, { invitationId: inv.invited[0]!.id });
};

describe('upsertAccount', () => {
  it('creates an account with a lower-cased email on the free plan and audits it', async () => {
    const address = email('New').replace('new', 'NeW');
    const r = await upsertAccount(db.ctx, { email: `  ${address} `, name: 'Nina' });
    expect(r.created).toBe(true);
    expect(r.account).toMatchObject({
      email: address.toLowerCase(),
      name: 'Nina',
      personalPlan: 'free',
      paymentMethod: null,
    });
    const [created] = await auditRows(db, { action: 'account.created', subjectId: r.account.id });
    expect(created?.after).toMatchObject({ email: address.toLowerCase(), personalPlan: 'free' });
    expect(created?.before).toBeNull();
  });

  it('updates only what is given, audits before/after, and writes nothing for a no-op', async () => {
    const p = await account(db, { personalPlan: 'solo' });
    const r = await upsertAccount(db.ctx, {
      email: p.email,
      personalPlan: 'business',
      paymentMethod: 'pm_card_visa',
    });
    expect(r.created).toBe(false);
    expect(r.account).toMatchObject({ personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    const [updated] = await auditRows(db, { action: 'account.updated', subjectId: p.id });
    expect(updated?.before).toMatchObject({ personalPlan: 'solo', paymentMethod: null });
    expect(updated?.after).toMatchObject({ personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    const audits = await db.count('audit_event');
    await upsertAccount(db.ctx, { email: p.email.toUpperCase(), personalPlan: 'business' });
    expect(await db.count('audit_event')).toBe(audits);
  });

  it.skipIf(usingPglite)('creates an account once when the same upsert arrives concurrently', async () => {
    const ctxs: ServiceContext[] = [];
    for (let i = 0; i < 4; i++) {
      const orm = await db.connect(3);
      const em = orm.em as unknown as EntityManager;
      ctxs.push({
        em,
        clock: db.clock,
        billing: new LedgerGateway(ledgerChargeStore(em), () => db.clock.now()),
      });
    }
    for (let round = 0; round < 3; round++) {
      const address = email('race');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          upsertAccount(ctxs[i % ctxs.length]!, { email: address, personalPlan: 'solo' }),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.account.id)).size).toBe(1);
      expect(results.every((r) => r.account.personalPlan === 'solo')).toBe(true);
      const id = results[0]!.account.id;
      expect(await auditRows(db, { action: 'account.created', subjectId: id })).toHaveLength(1);
      expect(await auditRows(db, { action: 'account.updated', subjectId: id })).toHaveLength(0);
    }
  });

  it('refuses bad input with invalid_input and changes nothing', async () => {
    await refusedUnchanged(db, 'invalid_input', () => upsertAccount(db.ctx, { email: 'not-an-email' }));
    await refusedUnchanged(db, 'invalid_input', () =>
      upsertAccount(db.ctx, { email: email(), personalPlan: 'platinum' as never }),
    );
  });
});

describe('createOrganization', () => {
  it('makes the creator owner and approver, with an own contract, a business seat and the first invoice', async () => {
    const owner = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    const r = await createOrganization(db.ctx, owner.actor, { name: '  Acme  ' });
    expect(r.organization).toMatchObject({
      name: 'Acme',
      ownerId: owner.id,
      status: 'active',
      autoAssign: false,
    });
    expect(r.charge.ok).toBe(true);
    expect(r.firstInvoice).toEqual({ amount: 3000, currency: 'eur' });
    const em = db.em.fork();
    const m = await em.findOneOrFail(MembershipSchema, { organizationId: r.organization.id });
    expect(m).toMatchObject({ accountId: owner.id, role: 'owner', approver: true, status: 'active' });
    const contract = await em.findOneOrFail(ContractSchema, { organizationId: r.organization.id });
    expect(contract).toMatchObject({
      kind: 'organization',
      managerId: owner.id,
      period: 'month',
      status: 'active',
    });
    expect(contract.currentPeriodEnd).toEqual(new Date('2026-04-01T00:00:00Z'));
    const seats = await em.find(SeatSchema, { contractId: contract.id });
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({ planCode: 'business', membershipId: m.id, autoRenew: true });
    expect(await ledgerRows(owner.id)).toEqual([{ amount: 3000, currency: 'eur', status: 'succeeded' }]);
    const actions = (await auditRows(db, { organizationId: r.organization.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['organization.created', 'personal_plan.paused']));
    const [paused] = await auditRows(db, { action: 'personal_plan.paused', subjectId: owner.id });
    expect(paused?.before).toEqual({ personalPlan: 'business', paused: false });
    expect(paused?.after).toEqual({ personalPlan: 'business', paused: true });
  });

  it('bills a yearly organization for a year', async () => {
    const owner = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    const r = await createOrganization(db.ctx, owner.actor, { name: 'Yearly', period: 'year' });
    expect(r.contract.period).toBe('year');
    expect(r.contract.currentPeriodEnd).toEqual(new Date('2027-03-01T00:00:00Z'));
    expect(r.firstInvoice).toEqual({ amount: 30000, currency: 'eur' });
  });

  it.each([
    'free',
    'solo',
  ] as const)('refuses a %s creator with needs_business_plan and an upgrade action; after the upgrade it works', async (plan) => {
    const p = await account(db, { personalPlan: plan, paymentMethod: 'pm_card_visa' });
    const e = await refusedUnchanged(db, 'needs_business_plan', () =>
      createOrganization(db.ctx, p.actor, { name: 'Team' }),
    );
    expect(e.details).toEqual({ action: 'upgrade_personal_plan' });
    expect(e.message).toContain(plan);

    const up = await upgradePersonalPlan(db.ctx, p.actor);
    expect(up.account.personalPlan).toBe('business');
    expect(up.charged).toEqual({ amount: 3000, currency: 'eur' });
    expect((await accountRow(db, p.email)).personalPlan).toBe('business');
    expect(await ledgerRows(p.id)).toEqual([{ amount: 3000, currency: 'eur', status: 'succeeded' }]);
    const [upgraded] = await auditRows(db, { action: 'personal_plan.upgraded', subjectId: p.id });
    expect(upgraded?.before).toEqual({ personalPlan: plan });
    expect(upgraded?.after).toMatchObject({ personalPlan: 'business' });

    const r = await createOrganization(db.ctx, p.actor, { name: 'Team' });
    expect(r.organization.ownerId).toBe(p.id);
  });

  it('refuses a chat user seen for the first time (free) and creates no organization', async () => {
    const who = email('stranger');
    const orgs = await db.count('organization');
    const e = await refusal(
      'needs_business_plan',
      createOrganization(db.ctx, { email: who }, { name: 'X Corp' }),
    );
    expect(e.details?.action).toBe('upgrade_personal_plan');
    expect(await db.count('organization')).toBe(orgs);
  });

  it('refuses a business creator without a payment method', async () => {
    const p = await account(db, { personalPlan: 'business' });
    await refusedUnchanged(db, 'needs_payment_method', () =>
      createOrganization(db.ctx, p.actor, { name: 'NoCard' }),
    );
  });

  it('a declined first invoice leaves the organization pending; creating it again once the card works activates it', async () => {
    const p = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_chargeDeclined' });
    const before = await db.counts();
    const e = await refusal('payment_failed', createOrganization(db.ctx, p.actor, { name: 'Declined' }));
    expect(e.message).toContain('declined');
    expect(e.next).toContain('org create Declined');
    const orgs = await db.em
      .fork()
      .execute<{ id: string; status: string }[]>('select id, status from organization where owner_id = ?', [
        p.id,
      ]);
    // nothing deleted behind anyone's back: the organization waits, unpaid and inactive
    expect(orgs.map((o) => o.status)).toEqual(['pending']);
    expect(await ledgerRows(p.id)).toEqual([{ amount: 3000, currency: 'eur', status: 'failed' }]);
    await upsertAccount(db.ctx, { email: p.email, paymentMethod: 'pm_card_visa' });
    const r = await createOrganization(db.ctx, p.actor, { name: 'Declined' });
    expect(r.organization).toMatchObject({ id: orgs[0]!.id, status: 'active' });
    const after = await db.counts();
    // the same organization, not a second one; one failed and one paid charge
    expect(after.organization).toBe(before.organization! + 1);
    expect(after.contract).toBe(before.contract! + 1);
    expect(await ledgerRows(p.id)).toEqual([
      { amount: 3000, currency: 'eur', status: 'failed' },
      { amount: 3000, currency: 'eur', status: 'succeeded' },
    ]);
  });

  it('refuses bad names and periods with invalid_input', async () => {
    const p = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    await refusedUnchanged(db, 'invalid_input', () => createOrganization(db.ctx, p.actor, { name: ' x ' }));
    await refusedUnchanged(db, 'invalid_input', () =>
      createOrganization(db.ctx, p.actor, { name: 'x'.repeat(81) }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      createOrganization(db.ctx, p.actor, { name: 'Weekly', period: 'week' as never }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      createOrganization(db.ctx, { email: 'nobody' }, { name: 'Fine name' }),
    );
  });
});

describe('upgradePersonalPlan', () => {
  it('refuses without a payment method and leaves the plan alone', async () => {
    const p = await account(db, { personalPlan: 'free' });
    await refusedUnchanged(db, 'needs_payment_method', () => upgradePersonalPlan(db.ctx, p.actor));
    expect((await accountRow(db, p.email)).personalPlan).toBe('free');
  });

  it('refuses a declined card with payment_failed and leaves the plan alone', async () => {
    const p = await account(db, { personalPlan: 'solo', paymentMethod: 'pm_card_chargeDeclined' });
    const audits = await db.count('audit_event');
    const e = await refusal('payment_failed', upgradePersonalPlan(db.ctx, p.actor, { plan: 'business' }));
    expect(e.message).toContain('declined');
    expect((await accountRow(db, p.email)).personalPlan).toBe('solo');
    expect(await db.count('audit_event')).toBe(audits);
    expect(await ledgerRows(p.id)).toEqual([{ amount: 3000, currency: 'eur', status: 'failed' }]);
    // once the card is fixed, the upgrade goes through
    await upsertAccount(db.ctx, { email: p.email, paymentMethod: 'pm_card_visa' });
    const up = await upgradePersonalPlan(db.ctx, p.actor);
    expect(up.account.personalPlan).toBe('business');
  });

  it('upgrades free to solo at the solo price', async () => {
    const p = await account(db, { paymentMethod: 'pm_card_visa' });
    const r = await upgradePersonalPlan(db.ctx, p.actor, { plan: 'solo' });
    expect(r.account.personalPlan).toBe('solo');
    expect(r.charged).toEqual({ amount: 900, currency: 'eur' });
  });

  it('refuses an "upgrade" to the plan one has, or to a lower one, without charging', async () => {
    const p = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    await refusedUnchanged(db, 'conflict', () => upgradePersonalPlan(db.ctx, p.actor));
    await refusedUnchanged(db, 'conflict', () => upgradePersonalPlan(db.ctx, p.actor, { plan: 'solo' }));
    expect((await accountRow(db, p.email)).personalPlan).toBe('business');
  });

  it('refuses unknown plans with invalid_input', async () => {
    const p = await account(db, { paymentMethod: 'pm_card_visa' });
    await refusedUnchanged(db, 'invalid_input', () =>
      upgradePersonalPlan(db.ctx, p.actor, { plan: 'free' as never }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      upgradePersonalPlan(db.ctx, p.actor, { plan: 'enterprise' as never }),
    );
  });
});

describe('personal plans while in an organization', () => {
  it('pauses a paid personal plan on joining and restores it when the organization is deleted', async () => {
    const { org, owner } = await orgWith(db, { name: 'Pausers', seats: { pro: 1 } });
    const solo = await account(db, { personalPlan: 'solo' });
    const free = await account(db, { personalPlan: 'free' });
    await join(org.id, owner.email, solo.email, 'pro');
    await join(org.id, owner.email, free.email);

    const [paused] = await auditRows(db, { action: 'personal_plan.paused', subjectId: solo.id });
    expect(paused).toMatchObject({
      organizationId: org.id,
      before: { personalPlan: 'solo', paused: false },
      after: { personalPlan: 'solo', paused: true },
    });
    // a free plan has nothing to pause
    expect(await auditRows(db, { action: 'personal_plan.paused', subjectId: free.id })).toEqual([]);
    // the stored personal plan is untouched: pausing is derived from the membership
    expect((await accountRow(db, solo.email)).personalPlan).toBe('solo');

    expect(await organizationsOf(db.ctx, { email: solo.email.toUpperCase() })).toEqual([
      {
        id: org.id,
        name: 'Pausers',
        status: 'active',
        role: 'member',
        approver: false,
        memberStatus: 'active',
        plan: 'pro',
      },
    ]);
    expect(await organizationsOf(db.ctx, { email: owner.email })).toEqual([
      expect.objectContaining({ id: org.id, role: 'owner', approver: true, plan: 'business' }),
    ]);
    expect(await organizationsOf(db.ctx, { email: free.email })).toEqual([
      expect.objectContaining({ id: org.id, role: 'member', plan: 'free' }),
    ]);

    await deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName: 'Pausers' });
    const restored = await auditRows(db, { organizationId: org.id, action: 'personal_plan.restored' });
    expect(restored.map((e) => e.subjectId).sort()).toEqual([owner.id, solo.id].sort());
    expect(restored.find((e) => e.subjectId === solo.id)).toMatchObject({
      before: { personalPlan: 'solo', paused: true },
      after: { personalPlan: 'solo', paused: false },
    });
    expect((await accountRow(db, solo.email)).personalPlan).toBe('solo');
    expect(await organizationsOf(db.ctx, { email: solo.email })).toEqual([]);
    expect(await organizationsOf(db.ctx, { email: owner.email })).toEqual([]);
  });

  it('keeps the plan paused while another organization still pays', async () => {
    const a = await orgWith(db, { name: 'Alpha' });
    const b = await orgWith(db, { name: 'Beta' });
    const solo = await account(db, { personalPlan: 'solo' });
    await join(a.org.id, a.owner.email, solo.email);
    await join(b.org.id, b.owner.email, solo.email);
    // joining the second organization pauses nothing new
    expect(await auditRows(db, { action: 'personal_plan.paused', subjectId: solo.id })).toHaveLength(1);
    expect((await organizationsOf(db.ctx, { email: solo.email })).map((o) => o.name)).toEqual([
      'Alpha',
      'Beta',
    ]);

    await deleteOrganization(db.ctx, a.owner.actor, { organizationId: a.org.id, confirmName: 'Alpha' });
    expect(await auditRows(db, { action: 'personal_plan.restored', subjectId: solo.id })).toEqual([]);
    await deleteOrganization(db.ctx, b.owner.actor, { organizationId: b.org.id, confirmName: 'Beta' });
    expect(await auditRows(db, { action: 'personal_plan.restored', subjectId: solo.id })).toHaveLength(1);
  });

  it('pauses an owner plan only once when they create a second organization', async () => {
    const owner = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    await createOrganization(db.ctx, owner.actor, { name: 'First' });
    await createOrganization(db.ctx, owner.actor, { name: 'Second' });
    expect(await auditRows(db, { action: 'personal_plan.paused', subjectId: owner.id })).toHaveLength(1);
    expect((await organizationsOf(db.ctx, { email: owner.email })).map((o) => o.name)).toEqual([
      'First',
      'Second',
    ]);
  });
});

describe('organizationsOf', () => {
  it('answers [] for an unknown account and refuses a malformed email', async () => {
    expect(await organizationsOf(db.ctx, { email: email('ghost') })).toEqual([]);
    await refusal('invalid_input', organizationsOf(db.ctx, { email: 'ghost' }));
  });

  it('shows a detached membership without a plan', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    const em = db.em.fork();
    const m = await em.findOneOrFail(MembershipSchema, { organizationId: org.id, accountId: members[0]!.id });
    m.status = 'detached';
    await em.flush();
    expect(await organizationsOf(db.ctx, { email: members[0]!.email })).toEqual([
      expect.objectContaining({ id: org.id, memberStatus: 'detached', plan: null }),
    ]);
    expect(owner.id).toBeTruthy();
  });
});

describe('recordUsage', () => {
  it('keeps the latest value per resource and metric', async () => {
    const p = await account(db);
    await recordUsage(db.ctx, {
      email: p.email,
      records: [{ resourceType: 'survey', resourceId: 's1', metric: 'survey_responses', value: 50 }],
    });
    db.clock.advance(60_000);
    const r = await recordUsage(db.ctx, {
      email: p.email.toUpperCase(),
      records: [
        { resourceType: 'survey', resourceId: 's1', metric: 'survey_responses', value: 250 },
        { resourceType: 'survey', resourceId: 's2', metric: 'survey_responses', value: 10, active: false },
      ],
    });
    expect(r).toEqual({ accepted: 2 });
    const rows = await db.em
      .fork()
      .find(UsageRecordSchema, { accountId: p.id }, { orderBy: { resourceId: 'asc' } });
    expect(rows.map((u) => [u.resourceId, u.value, u.active])).toEqual([
      ['s1', 250, true],
      ['s2', 10, false],
    ]);
    expect(rows[0]!.reportedAt).toEqual(db.clock.now());
  });

  it('refuses an unknown account with not_found and bad records with invalid_input', async () => {
    await refusedUnchanged(db, 'not_found', () =>
      recordUsage(db.ctx, {
        email: email('ghost'),
        records: [{ resourceType: 'survey', resourceId: 's1', metric: 'survey_responses', value: 1 }],
      }),
    );
    const p = await account(db);
    await refusedUnchanged(db, 'invalid_input', () => recordUsage(db.ctx, { email: p.email, records: [] }));
    await refusedUnchanged(db, 'invalid_input', () =>
      recordUsage(db.ctx, {
        email: p.email,
        records: [{ resourceType: 'survey', resourceId: 's1', metric: 'survey_responses', value: -1 }],
      }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      recordUsage(db.ctx, {
        email: p.email,
        records: [{ resourceType: 'survey; drop', resourceId: 's1', metric: 'survey_responses', value: 1 }],
      }),
    );
  });
});

describe('tables after deletion', () => {
  it('keeps the organization row, marked deleted, with its contract ended', async () => {
    const { org, owner, contract } = await orgWith(db, { name: 'Gone' });
    await deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName: 'Gone' });
    const em = db.em.fork();
    expect((await em.findOneOrFail(OrganizationSchema, { id: org.id })).status).toBe('deleted');
    expect((await em.findOneOrFail(ContractSchema, { id: contract.id })).status).toBe('ended');
    expect((await membershipRow(db, org.id, owner.id))?.status).toBe('left');
    expect(await em.count(AccountSchema, { id: owner.id })).toBe(1);
  });
});
