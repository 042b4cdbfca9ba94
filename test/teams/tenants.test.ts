import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { seedDemo } from '../../db/seeders/demo.ts';
import { acceptInvitation } from '../../src/service/answer-invitation.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkWorkspace } from '../support/links.ts';
import { buttonOf, startTeams, type TeamsHarness, type TeamsPerson } from './harness.ts';

const ACME_TENANT = 'tenant-acme';
const GLOBEX_TENANT = 'tenant-globex';

let db: TestDb;
let h: TeamsHarness;
let acmeId: string;
let globexId: string;

const tenants = async () =>
  db.em.fork().execute<{ tenant_id: string; organization_id: string }[]>(
    `select workspace_id as tenant_id, organization_id from workspace_link where platform = 'teams'
       order by workspace_id`,
  );

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  acmeId = (
    await db.em.fork().execute<{ id: string }[]>(`select id from organization where name = 'Acme'`)
  )[0]!.id;
  const gus = { email: 'gus@example.com' };
  await upsertAccount(db.ctx, { ...gus, personalPlan: 'business', paymentMethod: 'pm_card_visa' });
  globexId = (await createOrganization(db.ctx, gus, { name: 'Globex', period: 'month' })).organization.id;
  // Bob, Acme's admin and approver, is also a member of Globex
  const inv = await inviteMembers(db.ctx, gus, {
    organizationId: globexId,
    emails: ['bob@example.com'],
    role: 'member',
  });
  await acceptInvitation(db.ctx, { email: 'bob@example.com' }, { invitationId: inv.invited[0]!.id });
  h = await startTeams(db);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

describe('linking a tenant to its organization', () => {
  it('nobody talking to the bot links a tenant, not even the owner: it answers with the way to link it', async () => {
    for (const email of ['erin@example.com', 'bob@example.com', 'alice@example.com']) {
      const card = (await h.say(h.person(email, ACME_TENANT), 'status')).cards[0];
      expect(cardText(card)).toMatch(/^✗ This Teams tenant is not linked to an organization\..*org link/);
      expect(cardText(card)).not.toMatch(/Acme/);
    }
    expect(await tenants()).toEqual([]);
  });

  it('`org create` in a new tenant links it to the new organization', async () => {
    await upsertAccount(db.ctx, {
      email: 'ida@example.com',
      personalPlan: 'business',
      paymentMethod: 'pm_card_visa',
    });
    const ida = h.person('ida@example.com', 'tenant-initech');
    const card = (await h.say(ida, 'org create Initech')).cards[0];
    expect(cardText(card)).toMatch(/Initech/);
    const rows = await tenants();
    const initech = await db.em
      .fork()
      .execute<{ id: string }[]>(`select id from organization where name = 'Initech'`);
    expect(rows).toContainEqual({ tenant_id: 'tenant-initech', organization_id: initech[0]!.id });
  });
});

describe('a user of one tenant cannot act on another tenant’s organization', () => {
  let bobAtGlobex: TeamsPerson;
  let acmeRequest: string;

  beforeAll(async () => {
    await linkWorkspace(db, { platform: 'teams', workspaceId: ACME_TENANT }, acmeId);
    await linkWorkspace(db, { platform: 'teams', workspaceId: GLOBEX_TENANT }, globexId);
    bobAtGlobex = h.person('bob@example.com', GLOBEX_TENANT);
    const r = await requestSeats(
      db.ctx,
      { email: 'erin@example.com' },
      { organizationId: acmeId, plan: 'pro', quantity: 1 },
    );
    acmeRequest = r.request.id;
  });

  it('commands in the Globex tenant act on Globex, not on Acme', async () => {
    const card = (await h.say(bobAtGlobex, 'status')).cards[0];
    expect(cardText(card)).toMatch(/Globex/);
    expect(cardText(card)).not.toMatch(/Acme/);
  });

  it('approving an Acme request from the Globex tenant is refused as not found (even for an Acme approver)', async () => {
    const before = await db.counts();
    const card = await h.press(bobAtGlobex, {
      verb: 'run',
      data: { action: 'purchase.approve', payload: { requestId: acmeRequest } },
    });
    expect(cardText(card)).toMatch(
      /^✗ There is no such request, invitation, member or organization in this workspace's organization\./,
    );
    expect(await db.counts()).toEqual(before);
    const r = await db.em
      .fork()
      .execute<{ status: string }[]>('select status from purchase_request where id = ?', [acmeRequest]);
    expect(r[0]!.status).toBe('pending');
  });

  it('a dialog submission naming Acme’s organization is refused, and nothing changes', async () => {
    const before = await db.counts();
    const r = await h.invoke(bobAtGlobex, 'task/submit', {
      data: {
        verb: 'submit',
        command: 'offboard',
        action: 'offboard.submit',
        payload: { organizationId: acmeId },
        members: 'erin@example.com',
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.task.value).toMatch(/no such request, invitation, member or organization/);
    expect(await db.counts()).toEqual(before);
  });

  it('a notice about Acme goes to Bob’s chat in the Acme tenant, though he wrote from Globex last', async () => {
    const bobAtAcme = h.person('bob@example.com', ACME_TENANT);
    db.clock.advance(1000);
    await h.say(bobAtAcme, 'help');
    db.clock.advance(1000);
    await h.say(bobAtGlobex, 'help');
    await db.em.fork().execute(`update outbox set status = 'sent' where status = 'pending'`);
    await requestSeats(
      db.ctx,
      { email: 'erin@example.com' },
      { organizationId: acmeId, plan: 'business', quantity: 1 },
    );
    const atGlobex = h.ms.postedTo(bobAtGlobex.conversationId).length;
    await h.deliver();
    expect(h.ms.postedTo(bobAtGlobex.conversationId)).toHaveLength(atGlobex);
    expect(cardText(h.lastPosted(bobAtAcme).activity.attachments[0].content)).toMatch(
      /asks for 1 Business seat in Acme/,
    );
  });

  it('an invitation into Globex can be accepted from the Acme tenant (it is addressed to the invitee)', async () => {
    const erin = h.person('erin@example.com', ACME_TENANT);
    await h.say(erin, 'help');
    await db.em.fork().execute(`update outbox set status = 'sent' where status = 'pending'`);
    await h.say(h.person('gus@example.com', GLOBEX_TENANT), 'invite erin@example.com');
    await h.deliver();
    const posted = h.lastPosted(erin);
    expect(cardText(posted.activity.attachments[0].content)).toMatch(/invites you to Globex/);
    const card = await h.press(erin, buttonOf(await h.refresh(erin, posted), 'Accept'), posted.id);
    expect(cardText(card)).toMatch(/Welcome to Globex/);
    // and nobody else can accept it for her, from any tenant
    const invitationId = (
      await db.em
        .fork()
        .execute<{ id: string }[]>(
          `select id from invitation where email = 'erin@example.com' order by created_at desc limit 1`,
        )
    )[0]!.id;
    const before = await db.counts();
    const other = await h.press(bobAtGlobex, {
      verb: 'run',
      data: { action: 'invitation.accept', payload: { invitationId } },
    });
    expect(cardText(other)).toMatch(/^✗ /);
    expect(await db.counts()).toEqual(before);
  });

  it('the same approval from the Acme tenant works', async () => {
    const bob = h.person('bob@example.com', ACME_TENANT);
    const card = await h.press(bob, {
      verb: 'run',
      data: { action: 'purchase.approve', payload: { requestId: acmeRequest } },
    });
    expect(cardText(card)).toMatch(/Approved: 1 Pro seat added/);
  });
});
