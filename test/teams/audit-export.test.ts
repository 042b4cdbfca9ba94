import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { unassignPlan } from '../../src/service/unassign-plan.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { auditRows, type OrgFixture, orgWith } from '../support/fixtures.ts';
import { linkByName, linkWorkspace } from '../support/links.ts';
import { csvKeys, trailKeys } from '../support/read-csv.ts';
import { startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read the bot's activities loosely
type Json = any;

const OTHER_TENANT = 'tenant-globex';
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

let db: TestDb;
let h: TeamsHarness;
let acmeId: string;
let globex: OrgFixture;
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;
let globexAdmin: TeamsPerson;

/** OneDrive's upload session, as a local server: every PUT with its headers and bytes. */
const puts: { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];
let oneDrive: Server;
let oneDriveUrl: string;

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-01T09:00:00Z');
  await seedDemo(db.ctx);
  acmeId = await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  globex = await orgWith(db, { name: 'Globex', admins: 1, seats: { pro: 1 } });
  await linkWorkspace(db, { platform: 'teams', workspaceId: OTHER_TENANT }, globex.org.id);
  db.clock.set('2026-03-02T23:59:59Z');
  await assignPlan(
    db.ctx,
    { email: DEMO.admin },
    { organizationId: acmeId, member: DEMO.members[2]!, plan: 'pro' },
  );
  db.clock.set('2026-03-03T00:00:00Z');
  await unassignPlan(db.ctx, { email: DEMO.admin }, { organizationId: acmeId, member: DEMO.members[2]! });
  oneDrive = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT')
        puts.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.url?.includes('refuse') ? 403 : 201, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => oneDrive.listen(0, '127.0.0.1', r));
  oneDriveUrl = `http://127.0.0.1:${(oneDrive.address() as AddressInfo).port}`;
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
  bob = h.person(DEMO.admin);
  erin = h.person(DEMO.members[2]!);
  globexAdmin = h.person(globex.admins[0]!.email, OTHER_TENANT);
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((r) => (oneDrive ? oneDrive.close(() => r()) : r()));
  await db?.close();
});

const trail = async (organizationId: string) =>
  (await auditRows(db, { organizationId })).filter(
    (e) => e.at >= new Date('2026-03-01T00:00:00Z') && e.at < new Date('2026-03-03T00:00:00Z'),
  );

/** The bot's answer to a message: its activities' attachments, with their content types. */
const ask = async (p: TeamsPerson, text: string, extra: Record<string, unknown> = {}) => {
  const r = await h.say(p, text, extra);
  expect(r.status).toBe(200);
  return ((r.body?.activities ?? []) as Json[]).flatMap((a) => a.attachments ?? []) as Json[];
};

/** Teams' invoke when the person presses Allow (or Decline) on a file consent card. */
const answer = (p: TeamsPerson, action: 'accept' | 'decline', context: Json, upload = 'up/1') =>
  h.invoke(p, 'fileConsent/invoke', {
    type: 'fileUpload',
    action,
    context,
    ...(action === 'accept'
      ? {
          uploadInfo: {
            name: 'audit-2026-03-01-to-2026-03-02.csv',
            uploadUrl: `${oneDriveUrl}/${upload}`,
            contentUrl: `https://contoso-my.sharepoint.test/personal/${p.name}/Documents/Applications/Seatkeeper/audit.csv`,
            uniqueId: `unique-${p.name}`,
            fileType: 'csv',
          },
        }
      : {}),
  });

const postedSince = (p: TeamsPerson, n: number) => h.ms.postedTo(p.conversationId).slice(n);
const waitPosted = async (p: TeamsPerson, n: number) => {
  for (let i = 0; i < 200; i++) {
    const fresh = postedSince(p, n);
    if (fresh.length) return fresh;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nothing posted to ${p.email}`);
};

describe('audit export <from> <to> in Teams: the file consent flow', () => {
  let offered: Json;

  it('an admin gets the line and a file consent card whose context holds the organization and days only', async () => {
    const [line, consent] = await ask(bob, 'audit export 2026-03-01 2026-03-02');
    const rows = await trail(acmeId);
    expect(cardText(line.content)).toBe(
      `Audit of 2026-03-01 to 2026-03-02: ${rows.length} changes, in the attached file.`,
    );
    expect(consent.contentType).toBe(CONSENT);
    expect(consent.name).toBe('audit-2026-03-01-to-2026-03-02.csv');
    expect(consent.content.sizeInBytes).toBeGreaterThan(100);
    expect(consent.content.description).toBe(
      'Audit trail of 2026-03-01 to 2026-03-02 (UTC), one row per change.',
    );
    const context = { organizationId: acmeId, from: '2026-03-01', to: '2026-03-02' };
    expect(consent.content.acceptContext).toEqual(context);
    expect(consent.content.declineContext).toEqual(context);
    offered = consent;
    // nothing is uploaded before the person consents
    expect(puts).toEqual([]);
  });

  it('on accept (a signed invoke) the file is made again, PUT to the upload URL with Content-Range, and shown as a file info card: its rows equal the audit trail', async () => {
    const before = h.ms.postedTo(bob.conversationId).length;
    const r = await answer(bob, 'accept', offered.content.acceptContext);
    expect(r.status).toBe(200);
    const [posted] = await waitPosted(bob, before);
    const put = puts.at(-1)!;
    expect(put.path).toBe('/up/1');
    const n = put.body.length;
    expect(put.headers['content-range']).toBe(`bytes 0-${n - 1}/${n}`);
    expect(put.headers['content-length']).toBe(String(n));
    expect(csvKeys(put.body.toString('utf8'))).toEqual(trailKeys(await trail(acmeId)));
    expect(posted!.activity.attachments).toEqual([
      {
        contentType: FILE_INFO,
        contentUrl: expect.stringContaining('sharepoint.test'),
        name: 'audit-2026-03-01-to-2026-03-02.csv',
        content: { uniqueId: 'unique-bob', fileType: 'csv' },
      },
    ]);
  });

  it('another organization’s admin exports only their own trail; with Acme’s context they are refused and nothing is uploaded', async () => {
    const [, consent] = await ask(globexAdmin, 'audit export 2026-03-01 2026-03-02');
    expect(consent.content.acceptContext.organizationId).toBe(globex.org.id);
    const count = puts.length;
    expect((await answer(globexAdmin, 'accept', consent.content.acceptContext, 'globex')).status).toBe(200);
    await waitPosted(globexAdmin, 0);
    const csv = puts.at(-1)!.body.toString('utf8');
    expect(puts).toHaveLength(count + 1);
    expect(csvKeys(csv)).toEqual(trailKeys(await trail(globex.org.id)));
    for (const e of [DEMO.owner, DEMO.admin, ...DEMO.members]) expect(csv).not.toContain(e);

    const seen = h.ms.postedTo(globexAdmin.conversationId).length;
    expect((await answer(globexAdmin, 'accept', offered.content.acceptContext, 'forged')).status).toBe(200);
    const [refused] = await waitPosted(globexAdmin, seen);
    expect(cardText(refused!.activity.attachments[0].content)).toMatch(
      /^✗ This file was asked for in another organization than the one linked here now/,
    );
    expect(puts).toHaveLength(count + 1);
  });

  it('a member is refused with one line and no consent card; accepting a card meant for an admin is refused too (the context grants nothing)', async () => {
    const cards = await ask(erin, 'audit export 2026-03-01 2026-03-02');
    expect(cards).toHaveLength(1);
    expect(cards[0].contentType).not.toBe(CONSENT);
    expect(cardText(cards[0].content)).toBe(
      '✗ You are a member: that is not yours to do. Ask an admin; members can see their own plan with status.',
    );
    const count = puts.length;
    expect((await answer(erin, 'accept', offered.content.acceptContext, 'erin')).status).toBe(200);
    const [refused] = await waitPosted(erin, 0);
    expect(cardText(refused!.activity.attachments[0].content)).toMatch(/^✗ You are a member/);
    expect(puts).toHaveLength(count);
  });

  it('declining says one line and uploads nothing', async () => {
    const before = h.ms.postedTo(alice.conversationId).length;
    const count = puts.length;
    const r = await answer(alice, 'decline', offered.content.declineContext);
    expect(r.status).toBe(200);
    const [said] = await waitPosted(alice, before);
    expect(cardText(said!.activity.attachments[0].content)).toBe(
      'You declined the file: nothing was uploaded. Run audit export 2026-03-01 2026-03-02 again when you want it.',
    );
    expect(puts).toHaveLength(count);
  });

  it('an upload URL that refuses the bytes is told in one line', async () => {
    const before = h.ms.postedTo(alice.conversationId).length;
    expect((await answer(alice, 'accept', offered.content.acceptContext, 'refuse')).status).toBe(200);
    const [said] = await waitPosted(alice, before);
    expect(cardText(said!.activity.attachments[0].content)).toMatch(
      /^✗ The audit file could not be uploaded \(HTTP 403\)\./,
    );
  });

  it('an invoke without a valid Bot Framework token is refused (401) and uploads nothing', async () => {
    const count = puts.length;
    const r = await h.post(
      {
        type: 'invoke',
        name: 'fileConsent/invoke',
        channelId: 'msteams',
        serviceUrl: h.serviceUrl,
        from: { id: bob.id, aadObjectId: bob.aadObjectId },
        recipient: { id: 'bot' },
        conversation: { id: bob.conversationId, conversationType: 'personal', tenantId: TENANT },
        value: {
          action: 'accept',
          context: offered.content.acceptContext,
          uploadInfo: { uploadUrl: `${oneDriveUrl}/x` },
        },
      },
      h.ms.token({}, h.ms.strangerKey),
    );
    expect(r.status).toBe(401);
    expect(puts).toHaveLength(count);
  });

  it('in a group chat, where Teams takes no files from bots, one line says to ask in the personal chat', async () => {
    const cards = await ask(bob, 'audit export 2026-03-01 2026-03-02', {
      conversation: { id: '19:group-chat', conversationType: 'groupChat', tenantId: TENANT },
    });
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0].content)).toBe(
      'Teams sends files only in your personal chat with Seatkeeper: write audit export 2026-03-01 2026-03-02 to me there.',
    );
  });
});
