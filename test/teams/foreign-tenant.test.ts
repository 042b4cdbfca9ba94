import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { DAY_MS } from '../support/fixtures.ts';
import { FOREIGN_ATTEMPTS, linkByName } from '../support/links.ts';
import { buttonOf, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

const EVIL = 'tenant-evil';
const NEW = 'tenant-new';

let db: TestDb;
let h: TeamsHarness;
let acmeId: string;
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;
/** someone in another tenant whose roster email is Acme's owner's */
let impostor: TeamsPerson;
let requestId: string;

const say = async (p: TeamsPerson, text: string) => cardText((await h.say(p, text)).cards[0]);

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  acmeId = await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
  bob = h.person(DEMO.admin);
  erin = h.person(DEMO.members[2]!);
  impostor = h.person(DEMO.owner, EVIL);
  for (const p of [alice, bob, erin, impostor]) await h.say(p, 'help');
  await h.say(erin, 'add 1 pro');
  await h.deliver();
  const pending = await db.em
    .fork()
    .execute<{ id: string }[]>(`select id from purchase_request where status = 'pending'`);
  requestId = pending[0]!.id;
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

describe('a tenant that is not linked sees nothing of the organization and changes nothing', () => {
  it('every command about an organization is refused with the way to link the tenant', async () => {
    const before = await db.counts();
    for (const text of FOREIGN_ATTEMPTS({
      admin: DEMO.admin,
      member: DEMO.members[0]!,
      other: DEMO.members[2]!,
    })) {
      const r = await say(impostor, text);
      expect(r, text).toMatch(/^✗ This Teams tenant is not linked to an organization\..*org link/);
      expect(r, text).not.toMatch(/Acme/);
    }
    expect(await db.counts()).toEqual(before);
  });

  it('buttons and dialogs carrying the organization’s ids are refused, and nothing changes', async () => {
    const before = await db.counts();
    const approve = await h.press(impostor, {
      verb: 'run',
      data: { action: 'purchase.approve', payload: { requestId } },
    });
    expect(cardText(approve)).toMatch(/not linked to an organization/);
    const submit = await h.invoke(impostor, 'task/submit', {
      data: {
        verb: 'submit',
        command: 'offboard',
        action: 'offboard.submit',
        payload: { organizationId: acmeId },
        members: DEMO.members[0],
      },
    });
    expect(submit.body.task.value).toMatch(/not linked to an organization/);
    expect(await db.counts()).toEqual(before);
  });
});

describe('card copies are settled only by a decision the server saw', () => {
  it('a forged cardKey on a button that decides nothing changes no copy', async () => {
    const copies = async () =>
      db.em
        .fork()
        .execute<{ decided: boolean }[]>('select decided from teams_card where card_key = ?', [
          `purchase:${requestId}`,
        ]);
    expect((await copies()).length).toBe(2);
    const updates = h.lastPosted(alice).updates;
    for (const cardKey of [`purchase:${requestId}`, `requestId:${requestId}`]) {
      await h.press(erin, { verb: 'run', data: { action: 'noop', payload: {}, cardKey } });
      await h.press(erin, {
        verb: 'run',
        data: { action: 'purchase.approve', payload: { requestId }, cardKey },
      });
    }
    expect((await copies()).every((c) => !c.decided)).toBe(true);
    expect(h.lastPosted(alice).updates).toBe(updates);
  });

  it('the approver’s decision settles every copy', async () => {
    const posted = h.lastPosted(bob);
    const card = await h.press(bob, buttonOf(await h.refresh(bob, posted), 'Approve'), posted.id);
    expect(cardText(card)).toMatch(/Approved: 1 Pro seat added/);
    expect(h.lastPosted(alice).updates).toBe(1);
  });
});

describe('linking a tenant with a one-time code, end to end', () => {
  let code: string;
  let bobThere: TeamsPerson;
  let aliceThere: TeamsPerson;

  beforeAll(async () => {
    bobThere = h.person(DEMO.admin, NEW);
    aliceThere = h.person(DEMO.owner, NEW);
  });

  it('an admin gets a code in the linked tenant; a member cannot use it; an admin can', async () => {
    code = /lk_[a-z2-7]{32}/.exec(await say(bob, 'org link'))![0];
    expect(await say(h.person(DEMO.members[0]!, NEW), `org link ${code}`)).toMatch(/forbidden|not yours/);
    expect(await say(bobThere, `org link ${code}`)).toMatch(/This Teams tenant is now linked to Acme/);
    expect(await say(bobThere, 'status')).toMatch(/Acme: /);
    const owner = await db.em.fork().execute<{ kind: string }[]>(
      `select o.kind from outbox o join account a on a.id = o.recipient_id
         where a.email = ? and o.kind = 'workspace_linked'`,
      [DEMO.owner],
    );
    expect(owner).toHaveLength(1);
  });

  it('used twice, or expired, a code links nothing', async () => {
    const before = await db.counts();
    expect(await say(impostor, `org link ${code}`)).toMatch(/used already/);
    const fresh = /lk_[a-z2-7]{32}/.exec(await say(alice, 'org link'))![0];
    db.clock.advance(DAY_MS + 1);
    expect(await say(impostor, `org link ${fresh}`)).toMatch(/expired/);
    expect(await say(impostor, 'status')).toMatch(/not linked/);
    const after = await db.counts();
    expect({ ...after, link_code: before.link_code, audit_event: before.audit_event }).toEqual(before);
  });

  it('the owner unlinks it; the last link stays', async () => {
    expect(await say(bobThere, 'org unlink')).toMatch(/Only the owner can unlink/);
    expect(await say(aliceThere, 'org unlink')).toMatch(/no longer linked to Acme/);
    expect(await say(bobThere, 'status')).toMatch(/not linked/);
    expect(await say(alice, 'org unlink')).toMatch(/last workspace linked to Acme/);
  });
});
