import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING } from '../../adapters/slack/handlers/slash-command.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { unassignPlan } from '../../src/service/unassign-plan.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { auditRows, type OrgFixture, orgWith } from '../support/fixtures.ts';
import { linkByName, linkWorkspace } from '../support/links.ts';
import { csvKeys, parseCsv, trailKeys } from '../support/read-csv.ts';
import { BOT_TOKEN, blocksText, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0ACME';
const OTHER_TEAM = 'T0GLOBEX';

let db: TestDb;
let slack: SlackHarness;
let acmeId: string;
let globex: OrgFixture;

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-01T09:00:00Z');
  await seedDemo(db.ctx);
  acmeId = await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  globex = await orgWith(db, { name: 'Globex', admins: 1, seats: { pro: 1 } });
  await linkWorkspace(db, { platform: 'slack', workspaceId: OTHER_TEAM }, globex.org.id);
  db.clock.set('2026-03-02T23:59:59Z');
  await assignPlan(
    db.ctx,
    { email: DEMO.admin },
    { organizationId: acmeId, member: DEMO.members[2]!, plan: 'pro' },
  );
  // the next day: not in an export of the 1st and 2nd
  db.clock.set('2026-03-03T00:00:00Z');
  await unassignPlan(db.ctx, { email: DEMO.admin }, { organizationId: acmeId, member: DEMO.members[2]! });
  slack = await startSlack(db);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
  slack.fake.addUser(TEAM, 'UBOB', DEMO.admin);
  slack.fake.addUser(TEAM, 'UCAROL', DEMO.members[0]!);
  slack.fake.addUser(TEAM, 'UFR', DEMO.members[1]!, { locale: 'fr-FR' });
  slack.fake.addUser(OTHER_TEAM, 'UGLOBEX', globex.admins[0]!.email);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

/** `/seats <text>` typed in a conversation (a channel unless told); the ack and the response_url. */
const slash = async (teamId: string, userId: string, text: string, channelId = 'C0GENERAL') => {
  const r = slack.fake.responseUrl();
  const body = new URLSearchParams(slashBody({ teamId, userId, text, responseUrl: r.url }));
  body.set('channel_id', channelId);
  const res = await slack.post(body.toString());
  expect(res.status).toBe(200);
  const ack = JSON.parse(res.body) as { text?: string; blocks?: unknown[]; response_type?: string };
  return {
    ack,
    text: ack.blocks ? blocksText(ack.blocks) : (ack.text ?? ''),
    responses: () => slack.fake.responses.get(r.id)!,
  };
};

const march = async (organizationId: string) =>
  (await auditRows(db, { organizationId })).filter(
    (e) => e.at >= new Date('2026-03-01T00:00:00Z') && e.at < new Date('2026-03-03T00:00:00Z'),
  );

/** The newest file shared into this channel, once the upload after the ack completed. */
const sharedTo = (channel: string, count: number) =>
  slack.fake.waitFor(() => {
    const files = slack.fake.sharedFiles(channel);
    return files.length >= count ? files.at(-1) : undefined;
  });

describe('/seats audit export <from> <to> in Slack', () => {
  it('an admin gets the one line in the ack, then the CSV uploaded to their DM: its rows equal the audit trail', async () => {
    const r = await slash(TEAM, 'UBOB', 'audit export 2026-03-01 2026-03-02', 'DUBOB');
    const trail = await march(acmeId);
    expect(trail.length).toBeGreaterThan(5);
    expect(r.ack.response_type).toBe('ephemeral');
    expect(r.text).toBe(`Audit of 2026-03-01 to 2026-03-02: ${trail.length} changes, in the attached file.`);
    const file = await sharedTo('DUBOB', 1);
    expect(file.filename).toBe('audit-2026-03-01-to-2026-03-02.csv');
    expect(file.contentType).toBe('text/csv');
    const csv = file.bytes.toString('utf8');
    expect(file.length).toBe(file.bytes.length);
    expect(parseCsv(csv)[0]![0]).toBe('at');
    expect(csvKeys(csv)).toEqual(trailKeys(trail));
    // the last second of the 2nd is in, the 3rd's unassignment is not
    expect(csvKeys(csv).at(-1)).toEqual(['2026-03-02T23:59:59.000Z', 'seat.assigned', expect.any(String)]);
    expect(file.initialComment).toBe(r.text);
    // the upload API, with the workspace's bot token, through SLACK_API_URL
    const asked = slack.fake.callsTo('files.getUploadURLExternal').at(-1)!;
    expect(asked.token).toBe(BOT_TOKEN);
    expect(asked.args).toMatchObject({ filename: file.filename, length: String(file.bytes.length) });
    expect(slack.fake.callsTo('files.completeUploadExternal').at(-1)!.args).toMatchObject({
      channel_id: 'DUBOB',
      files: [{ id: file.id, title: file.filename }],
    });
    // typed in the DM: nothing more to say
    expect(r.responses()).toEqual([]);
  });

  it('typed in a channel, the file still goes to the DM (an export is for the one who asked), and they are told where', async () => {
    const r = await slash(TEAM, 'UALICE', 'audit export 2026-03-01 2026-03-01');
    const file = await sharedTo('DUALICE', 1);
    expect(slack.fake.sharedFiles('C0GENERAL')).toEqual([]);
    const day1 = (await march(acmeId)).filter((e) => e.at < new Date('2026-03-02T00:00:00Z'));
    expect(csvKeys(file.bytes.toString('utf8'))).toEqual(trailKeys(day1));
    const told = await slack.fake.waitFor(() => r.responses()[0]);
    expect(blocksText(told.blocks as unknown[])).toMatch(
      /^The file is in your direct messages with Seatkeeper/,
    );
    expect(told.response_type).toBe('ephemeral');
  });

  it('a member is refused with one line in their language (Dave reads French), and nothing is uploaded', async () => {
    const r = await slash(TEAM, 'UFR', 'audit export 2026-03-01 2026-03-02', 'DUFR');
    // French puts a no-break space before « : » and « ; »
    expect(r.text.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      ':x: Vous êtes membre : cette action ne relève pas de vous. Demandez à un administrateur ; les membres voient leur propre plan avec `status`.\ncode: `forbidden`',
    );
    await new Promise((res) => setTimeout(res, 100));
    expect(slack.fake.sharedFiles('DUFR')).toEqual([]);
  });

  it('another organization’s admin gets only their own trail: nothing of Acme', async () => {
    await slash(OTHER_TEAM, 'UGLOBEX', 'audit export 2026-03-01 2026-03-02', 'DUGLOBEX');
    const file = await sharedTo('DUGLOBEX', 1);
    const csv = file.bytes.toString('utf8');
    expect(csvKeys(csv)).toEqual(trailKeys(await march(globex.org.id)));
    for (const e of [DEMO.owner, DEMO.admin, ...DEMO.members]) expect(csv).not.toContain(e);
    expect(csv).not.toContain(acmeId);
  });

  it('a member is refused with one line, and nothing is uploaded', async () => {
    const before = slack.fake.callsTo('files.getUploadURLExternal').length;
    const r = await slash(TEAM, 'UCAROL', 'audit export 2026-03-01 2026-03-02');
    expect(r.text).toBe(
      ':x: You are a member: that is not yours to do. Ask an admin; members can see their own plan with `status`.\ncode: `forbidden`',
    );
    await new Promise((res) => setTimeout(res, 100));
    expect(slack.fake.callsTo('files.getUploadURLExternal')).toHaveLength(before);
    expect(slack.fake.sharedFiles('DUCAROL')).toEqual([]);
  });

  it('a slow export is acked "Working on it…", its line posted to the response_url, then the file uploaded', async () => {
    // a first contact whose users.info is slow: the command outlives the ack's 1.5 s
    slack.fake.addUser(TEAM, 'UALICE2', DEMO.owner);
    slack.fake.delays.set('users.info', 1700);
    try {
      const before = slack.fake.sharedFiles('DUALICE2').length;
      const r = await slash(TEAM, 'UALICE2', 'audit export 2026-03-01 2026-03-02', 'DUALICE2');
      expect(r.text).toBe(WORKING);
      const told = await slack.fake.waitFor(() => r.responses()[0]);
      expect(blocksText(told.blocks as unknown[])).toMatch(/^Audit of 2026-03-01 to 2026-03-02: \d+ changes/);
      const file = await sharedTo('DUALICE2', before + 1);
      expect(csvKeys(file.bytes.toString('utf8'))).toEqual(trailKeys(await march(acmeId)));
    } finally {
      slack.fake.delays.delete('users.info');
    }
  });

  it('a failed upload is told in one line (not swallowed)', async () => {
    slack.fake.rateLimitNext('files.getUploadURLExternal', 30);
    const r = await slash(TEAM, 'UBOB', 'audit export 2026-03-01 2026-03-02', 'DUBOB');
    expect(r.text).toMatch(/^Audit of 2026-03-01 to 2026-03-02/);
    const told = await slack.fake.waitFor(() => r.responses()[0]);
    expect(blocksText(told.blocks as unknown[])).toMatch(
      /^:x: The audit file could not be uploaded \(.*rate-limit.*\)\. Try again in a minute; if it keeps failing, reinstall Seatkeeper so it may upload files\.\ncode: `internal`$/,
    );
  });
});
