import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditEventSchema,
  MembershipSchema,
  OrganizationSchema,
  OutboxSchema,
} from '../../db/schemas/index.ts';
import type { ErrorCode } from '../../src/domain/errors.ts';
import type { MembershipStatus, OrgStatus, Role } from '../../src/domain/model.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { setBillingDetails } from '../../src/service/set-billing-details.ts';
import { setEdition } from '../../src/service/set-edition.ts';
import { setModule } from '../../src/service/set-module.ts';
import { undoCancel } from '../../src/service/undo-cancel.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { refusedUnchanged } from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

let n = 0;
const unique = (name: string) => `${name}-${++n}@example.com`;

const newOrg = async (name = 'Acme', period: 'month' | 'year' = 'month') => {
  const email = unique('owner');
  await upsertAccount(db.ctx, { email, personalPlan: 'business', paymentMethod: 'pm_card_visa' });
  const r = await createOrganization(db.ctx, { email }, { name, period });
  return { org: r.organization, ownContract: r.contract, owner: { email } };
};

const addMember = async (
  orgId: string,
  email: string,
  role: Role = 'member',
  status: MembershipStatus = 'active',
) => {
  const { account } = await upsertAccount(db.ctx, { email });
  const em = db.em.fork();
  em.create(MembershipSchema, {
    id: randomUUID(),
    organizationId: orgId,
    accountId: account.id,
    role,
    approver: false,
    status,
    former: false,
    joinedAt: db.clock.now(),
    endedAt: status === 'active' ? null : db.clock.now(),
  });
  await em.flush();
  return { actor: { email }, account };
};

const orgRow = (id: string) => db.em.fork().findOneOrFail(OrganizationSchema, { id });

const setOrgStatus = async (id: string, status: OrgStatus) => {
  const em = db.em.fork();
  const org = await em.findOneOrFail(OrganizationSchema, { id });
  org.status = status;
  await em.flush();
};

const lastAudit = (orgId: string, action: string) =>
  db.em
    .fork()
    .findOneOrFail(AuditEventSchema, { organizationId: orgId, action }, { orderBy: { at: 'desc' } });

/** Runs a call that must be refused with `code`, and checks no table changed. */
const refused = (code: ErrorCode, run: () => Promise<unknown>) => refusedUnchanged(db, code, run);

describe('setEdition', () => {
  it('lets the owner change the edition, and records it', async () => {
    const { org, owner } = await newOrg();
    const r = await setEdition(db.ctx, owner, { organizationId: org.id, edition: ' Plus ' });
    expect(r.edition).toBe('plus');
    expect((await orgRow(org.id)).edition).toBe('plus');
    const ev = await lastAudit(org.id, 'organization.edition_changed');
    expect(ev.before).toEqual({ edition: 'standard' });
    expect(ev.after).toEqual({ edition: 'plus' });
    const same = await refused('conflict', () =>
      setEdition(db.ctx, owner, { organizationId: org.id, edition: 'plus' }),
    );
    expect(same.message).toContain('already');
  });

  it('refuses an unknown edition, listing the editions', async () => {
    const { org, owner } = await newOrg();
    const e = await refused('invalid_input', () =>
      setEdition(db.ctx, owner, { organizationId: org.id, edition: 'enterprise' }),
    );
    expect(e.next).toBe('Editions: standard, plus.');
  });

  it('refuses admins, members, outsiders, unknown or malformed ids and closed organizations', async () => {
    const { org } = await newOrg();
    const admin = await addMember(org.id, unique('admin'), 'admin');
    const member = await addMember(org.id, unique('member'));
    const e = await refused('forbidden', () =>
      setEdition(db.ctx, admin.actor, { organizationId: org.id, edition: 'plus' }),
    );
    expect(e.next).toContain('owner');
    await refused('forbidden', () =>
      setEdition(db.ctx, member.actor, { organizationId: org.id, edition: 'plus' }),
    );
    await refused('not_found', () =>
      setEdition(db.ctx, { email: unique('outsider') }, { organizationId: org.id, edition: 'plus' }),
    );
    await refused('not_found', () =>
      setEdition(db.ctx, admin.actor, { organizationId: randomUUID(), edition: 'plus' }),
    );
    await refused('invalid_input', () =>
      setEdition(db.ctx, admin.actor, { organizationId: 'acme', edition: 'plus' }),
    );
    await refused('invalid_input', () =>
      setEdition(db.ctx, { email: 'not an email' }, { organizationId: org.id, edition: 'plus' }),
    );
    const closed = await newOrg('Closed');
    await setOrgStatus(closed.org.id, 'cancelled');
    await refused('organization_closed', () =>
      setEdition(db.ctx, closed.owner, { organizationId: closed.org.id, edition: 'plus' }),
    );
    await setOrgStatus(closed.org.id, 'deleted');
    await refused('not_found', () =>
      setEdition(db.ctx, closed.owner, { organizationId: closed.org.id, edition: 'plus' }),
    );
  });

  it("an admin of org B cannot set org A's edition", async () => {
    const a = await newOrg('Org A');
    const b = await newOrg('Org B');
    const bAdmin = await addMember(b.org.id, unique('b-admin'), 'admin');
    await refused('not_found', () =>
      setEdition(db.ctx, bAdmin.actor, { organizationId: a.org.id, edition: 'plus' }),
    );
    await refused('not_found', () =>
      setEdition(db.ctx, b.owner, { organizationId: a.org.id, edition: 'plus' }),
    );
    const row = await orgRow(a.org.id);
    expect(row.edition).toBe('standard');
    expect(row.updatedAt).toEqual(a.org.updatedAt);
  });
});

describe('setModule', () => {
  it('adds and removes modules', async () => {
    const { org, owner } = await newOrg();
    await setModule(db.ctx, owner, { organizationId: org.id, module: 'sso', enabled: true });
    db.clock.advance(1000);
    const r = await setModule(db.ctx, owner, {
      organizationId: org.id,
      module: 'Audit-Export',
      enabled: true,
    });
    expect(r.modules).toEqual(['sso', 'audit-export']);
    expect((await orgRow(org.id)).modules).toEqual(['sso', 'audit-export']);
    const added = await lastAudit(org.id, 'organization.module_added');
    expect(added.before).toEqual({ modules: ['sso'] });
    expect(added.after).toEqual({ modules: ['sso', 'audit-export'] });
    db.clock.advance(1000);
    await setModule(db.ctx, owner, { organizationId: org.id, module: 'sso', enabled: false });
    expect((await orgRow(org.id)).modules).toEqual(['audit-export']);
    const removed = await lastAudit(org.id, 'organization.module_removed');
    expect(removed.after).toEqual({ modules: ['audit-export'] });
  });

  it('refuses adding an enabled module, removing an absent one, and unknown modules', async () => {
    const { org, owner } = await newOrg();
    await setModule(db.ctx, owner, { organizationId: org.id, module: 'integrations', enabled: true });
    await refused('conflict', () =>
      setModule(db.ctx, owner, { organizationId: org.id, module: 'integrations', enabled: true }),
    );
    await refused('conflict', () =>
      setModule(db.ctx, owner, { organizationId: org.id, module: 'sso', enabled: false }),
    );
    const e = await refused('invalid_input', () =>
      setModule(db.ctx, owner, { organizationId: org.id, module: 'crm', enabled: true }),
    );
    expect(e.next).toBe('Modules: sso, audit-export, integrations.');
    await refused('invalid_input', () =>
      setModule(db.ctx, owner, { organizationId: org.id, module: 'sso', enabled: 'yes' as never }),
    );
    expect((await orgRow(org.id)).modules).toEqual(['integrations']);
  });

  it('refuses admins and other organizations', async () => {
    const a = await newOrg('Org A');
    const admin = await addMember(a.org.id, unique('admin'), 'admin');
    await refused('forbidden', () =>
      setModule(db.ctx, admin.actor, { organizationId: a.org.id, module: 'sso', enabled: true }),
    );
    const b = await newOrg('Org B');
    await refused('not_found', () =>
      setModule(db.ctx, b.owner, { organizationId: a.org.id, module: 'sso', enabled: true }),
    );
    expect((await orgRow(a.org.id)).modules).toEqual([]);
  });
});

describe('setBillingDetails', () => {
  const good = {
    company: '  Acme B.V. ',
    email: 'Billing@Acme.NL',
    country: 'nl',
    vatId: 'nl 1234.5678.9b01',
    address: 'Keizersgracht 1, Amsterdam',
  };

  it('stores normalized details and records the change once', async () => {
    const { org, owner } = await newOrg();
    const r = await setBillingDetails(db.ctx, owner, { organizationId: org.id, details: good });
    const expected = {
      company: 'Acme B.V.',
      email: 'billing@acme.nl',
      country: 'NL',
      vatId: 'NL123456789B01',
      address: 'Keizersgracht 1, Amsterdam',
    };
    expect(r.billingDetails).toEqual(expected);
    expect((await orgRow(org.id)).billingDetails).toEqual(expected);
    const ev = await lastAudit(org.id, 'organization.billing_details_changed');
    expect(ev.before).toEqual({ billingDetails: null });
    expect(ev.after).toEqual({ billingDetails: expected });
    // the same details again change nothing
    const before = await db.counts();
    await setBillingDetails(db.ctx, owner, { organizationId: org.id, details: good });
    expect(await db.counts()).toEqual(before);
    // no VAT id and no address is fine (a form leaves them empty)
    const r2 = await setBillingDetails(db.ctx, owner, {
      organizationId: org.id,
      details: { company: 'Acme', email: 'ap@acme.fr', country: 'FR', vatId: '', address: '  ' },
    });
    expect(r2.billingDetails).toEqual({
      company: 'Acme',
      email: 'ap@acme.fr',
      country: 'FR',
      vatId: null,
      address: null,
    });
  });

  it.each([
    ['email', { ...good, email: 'billing-at-acme' }, 'not a valid email'],
    ['country', { ...good, country: 'Netherlands' }, 'two-letter'],
    ['vatId', { ...good, vatId: 'FR12345678901' }, 'start with the country code'],
    ['vatId', { ...good, vatId: '123' }, 'NL123456789B01'],
    ['company', { ...good, company: 'A' }, 'too short'],
    ['company', { ...good, company: undefined }, ''],
  ])('refuses a bad %s in one line naming the field', async (field, details, says) => {
    const { org, owner } = await newOrg();
    const e = await refused('invalid_input', () =>
      setBillingDetails(db.ctx, owner, { organizationId: org.id, details: details as never }),
    );
    expect(e.message).toMatch(new RegExp(`^Invalid input: ${field}\\b`));
    expect(e.message).toContain(says);
    expect(e.details).toEqual({ field });
    expect((await orgRow(org.id)).billingDetails).toBeNull();
  });

  it('refuses missing details, admins and other organizations', async () => {
    const a = await newOrg('Org A');
    await refused('invalid_input', () =>
      setBillingDetails(db.ctx, a.owner, { organizationId: a.org.id, details: undefined as never }),
    );
    const admin = await addMember(a.org.id, unique('admin'), 'admin');
    await refused('forbidden', () =>
      setBillingDetails(db.ctx, admin.actor, { organizationId: a.org.id, details: good }),
    );
    const b = await newOrg('Org B');
    await refused('not_found', () =>
      setBillingDetails(db.ctx, b.owner, { organizationId: a.org.id, details: good }),
    );
    expect((await orgRow(a.org.id)).billingDetails).toBeNull();
  });
});

describe('cancelOrganization and undoCancel', () => {
  it('cancels until the end of the paid period and tells every active member', async () => {
    const { org, owner, ownContract } = await newOrg('Acme', 'year');
    const admin = await addMember(org.id, unique('admin'), 'admin');
    const member = await addMember(org.id, unique('member'));
    const detached = await addMember(org.id, unique('detached'), 'member', 'detached');
    db.clock.advance(86_400_000);

    const r = await cancelOrganization(db.ctx, owner, { organizationId: org.id });
    expect(r.paidThrough).toEqual(ownContract.currentPeriodEnd);
    expect(r.paidThrough).toEqual(new Date('2027-03-01T00:00:00Z'));
    expect(r.organization.status).toBe('cancelling');
    const row = await orgRow(org.id);
    expect(row.status).toBe('cancelling');
    expect(row.paidThrough).toEqual(r.paidThrough);

    const ev = await lastAudit(org.id, 'organization.cancellation_requested');
    expect(ev.before).toEqual({ status: 'active', paidThrough: null });
    expect(ev.after).toEqual({ status: 'cancelling', paidThrough: '2027-03-01T00:00:00.000Z' });

    const notices = await db.em
      .fork()
      .find(OutboxSchema, { organizationId: org.id, kind: 'organization_cancelled' });
    const ownerRow = await db.em
      .fork()
      .findOneOrFail(MembershipSchema, { organizationId: org.id, role: 'owner' });
    expect(notices.map((o) => o.recipientId).sort()).toEqual(
      [ownerRow.accountId, admin.account.id, member.account.id].sort(),
    );
    expect(notices.map((o) => o.recipientId)).not.toContain(detached.account.id);
    expect(notices[0]!.payload).toEqual({
      organizationName: 'Acme',
      paidThrough: '2027-03-01T00:00:00.000Z',
    });

    const again = await refused('conflict', () =>
      cancelOrganization(db.ctx, owner, { organizationId: org.id }),
    );
    expect(again.message).toContain('already');
    expect(again.next).toContain('cancel undo');

    const undone = await undoCancel(db.ctx, owner, { organizationId: org.id });
    expect(undone.status).toBe('active');
    expect(undone.paidThrough).toBeNull();
    const back = await orgRow(org.id);
    expect(back.status).toBe('active');
    expect(back.paidThrough).toBeNull();
    const undo = await lastAudit(org.id, 'organization.cancellation_undone');
    expect(undo.before).toEqual({ status: 'cancelling', paidThrough: '2027-03-01T00:00:00.000Z' });
    expect(undo.after).toEqual({ status: 'active', paidThrough: null });
  });

  it('refuses undo when not cancelling, and after the paid time ran out', async () => {
    const { org, owner } = await newOrg();
    const e = await refused('conflict', () => undoCancel(db.ctx, owner, { organizationId: org.id }));
    expect(e.next).toContain('cancel');
    await cancelOrganization(db.ctx, owner, { organizationId: org.id });
    db.clock.set('2026-04-01T00:00:00Z');
    await refused('organization_closed', () => undoCancel(db.ctx, owner, { organizationId: org.id }));
    await setOrgStatus(org.id, 'cancelled');
    await refused('organization_closed', () => undoCancel(db.ctx, owner, { organizationId: org.id }));
    await refused('organization_closed', () => cancelOrganization(db.ctx, owner, { organizationId: org.id }));
  });

  it('refuses admins, members, other organizations and bad ids', async () => {
    const a = await newOrg('Org A');
    const admin = await addMember(a.org.id, unique('admin'), 'admin');
    const member = await addMember(a.org.id, unique('member'));
    await refused('forbidden', () => cancelOrganization(db.ctx, admin.actor, { organizationId: a.org.id }));
    await refused('forbidden', () => cancelOrganization(db.ctx, member.actor, { organizationId: a.org.id }));
    const b = await newOrg('Org B');
    const bAdmin = await addMember(b.org.id, unique('b-admin'), 'admin');
    await refused('not_found', () => cancelOrganization(db.ctx, b.owner, { organizationId: a.org.id }));
    await refused('not_found', () => cancelOrganization(db.ctx, bAdmin.actor, { organizationId: a.org.id }));
    await refused('not_found', () => cancelOrganization(db.ctx, a.owner, { organizationId: randomUUID() }));
    await refused('invalid_input', () => cancelOrganization(db.ctx, a.owner, { organizationId: 'nope' }));
    await cancelOrganization(db.ctx, a.owner, { organizationId: a.org.id });
    await refused('forbidden', () => undoCancel(db.ctx, admin.actor, { organizationId: a.org.id }));
    await refused('not_found', () => undoCancel(db.ctx, b.owner, { organizationId: a.org.id }));
    expect((await orgRow(a.org.id)).status).toBe('cancelling');
    expect((await orgRow(b.org.id)).status).toBe('active');
  });
});
