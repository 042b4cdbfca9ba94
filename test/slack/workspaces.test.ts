import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgInstallationStore } from '../../adapters/slack/installation-store.ts';
import { keyFrom } from '../../adapters/slack/seal.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, type OrgFixture, orgWith } from '../support/fixtures.ts';
import { linkByName, linkWorkspace } from '../support/links.ts';
import {
  blockActionBody,
  blocksText,
  ENCRYPTION_KEY,
  eventBody,
  installWorkspace,
  type SlackHarness,
  slashBody,
  startSlack,
  viewSubmissionBody,
} from './harness.ts';

let db: TestDb;
let slack: SlackHarness;
let globex: OrgFixture;
let globexRequest: string;
const store = () => new PgInstallationStore(db.em, keyFrom(ENCRYPTION_KEY));

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  globex = await orgWith(db, { name: 'Globex', seats: { pro: 2 } });
  // Bob is an admin and approver of both organizations
  await addMember(db, globex.org.id, {
    email: DEMO.admin,
    role: 'admin',
    approver: true,
    personalPlan: 'free',
  });
  globexRequest = (
    await requestSeats(
      db.ctx,
      { email: globex.owner.email },
      { organizationId: globex.org.id, plan: 'pro', quantity: 1 },
    )
  ).request.id;
  await linkByName(db, { platform: 'slack', workspaceId: 'TACME' }, DEMO.organization);
  await linkWorkspace(db, { platform: 'slack', workspaceId: 'TGLOBEX' }, globex.org.id);
  slack = await startSlack(db, { mode: 'oauth' });
  await installWorkspace(slack, db, 'TACME');
  await installWorkspace(slack, db, 'TGLOBEX');
  slack.fake.addUser('TACME', 'UALICE', DEMO.owner);
  slack.fake.addUser('TACME', 'UBOB', DEMO.admin);
  slack.fake.addUser('TGLOBEX', 'UBOBG', DEMO.admin);
  slack.fake.addUser('TGLOBEX', 'UOWNER', globex.owner.email);
  slack.fake.addUser('TOTHER', 'UCAROL', DEMO.members[0]!);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (teamId: string, userId: string, text: string) => {
  const res = await slack.post(
    slashBody({ teamId, userId, text, responseUrl: slack.fake.responseUrl().url }),
  );
  const ack = res.body ? (JSON.parse(res.body) as { blocks: unknown[] }) : null;
  return { status: res.status, text: ack ? blocksText(ack.blocks) : '' };
};

describe('installation store (OAuth, multi-workspace)', () => {
  it('keeps tokens encrypted at rest, with a fresh IV each write', async () => {
    const rows = await db.em
      .fork()
      .execute<{ sealed: string; team_id: string }[]>('select * from slack_installation order by team_id');
    expect(rows.map((r) => r.team_id)).toEqual(['TACME', 'TGLOBEX']);
    for (const r of rows) expect(r.sealed).not.toMatch(/xoxb/);
    await installWorkspace(slack, db, 'TACME');
    const again = await db.em
      .fork()
      .execute<{ sealed: string }[]>("select sealed from slack_installation where team_id = 'TACME'");
    expect(again[0]!.sealed).not.toBe(rows[0]!.sealed);
    expect(
      (
        await store().fetchInstallation({
          teamId: 'TACME',
          isEnterpriseInstall: false,
          enterpriseId: undefined,
        })
      ).bot?.token,
    ).toBe('xoxb-tacme');
  });

  it('each workspace is answered with its own bot token and serves the organization it is linked to', async () => {
    expect((await slash('TACME', 'UALICE', 'status')).text).toMatch(/^Acme: /);
    expect((await slash('TGLOBEX', 'UOWNER', 'status')).text).toMatch(/^Globex: /);
    const infos = slack.fake.callsTo('users.info');
    expect(infos.find((c) => c.args.user === 'UALICE')?.token).toBe('xoxb-tacme');
    expect(infos.find((c) => c.args.user === 'UOWNER')?.token).toBe('xoxb-tglobex');
    // Bob is admin in both; in each workspace he sees that workspace's organization only
    expect((await slash('TACME', 'UBOB', 'requests')).text).not.toMatch(/asked by owner/);
    expect((await slash('TGLOBEX', 'UBOBG', 'requests')).text).toMatch(/asked by owner/);
  });

  it('a workspace linked to no organization refuses member commands with the way to link it', async () => {
    await installWorkspace(slack, db, 'TOTHER');
    const r = await slash('TOTHER', 'UCAROL', 'status');
    expect(r.text).toMatch(
      /This workspace is not linked to an organization\..*`?org link`?.*workspace_not_linked/s,
    );
  });

  it("a button in workspace A naming workspace B's request is not found, and nothing changes", async () => {
    const before = await db.counts();
    const r = slack.fake.responseUrl();
    await slack.post(
      blockActionBody({
        teamId: 'TACME',
        userId: 'UBOB',
        responseUrl: r.url,
        button: {
          type: 'button',
          action_id: 'purchase.approve',
          value: JSON.stringify({ requestId: globexRequest }),
          text: { type: 'plain_text', text: 'Approve' },
        },
      }),
    );
    const [reply] = await slack.fake.waitFor(() =>
      slack.fake.responses.get(r.id)!.length ? slack.fake.responses.get(r.id) : null,
    );
    expect(blocksText(reply!.blocks as unknown[])).toMatch(/no such request.*not_found/s);
    expect(await db.counts()).toEqual(before);
  });

  it("a form in workspace A naming workspace B's organization is not found, and nothing changes", async () => {
    const before = await db.counts();
    const r = slack.fake.responseUrl();
    const res = await slack.post(
      viewSubmissionBody({
        teamId: 'TACME',
        userId: 'UBOB',
        view: {
          callback_id: 'seatkeeper_form',
          private_metadata: JSON.stringify({
            action: 'billing.submit',
            payload: { organizationId: globex.org.id },
            responseUrl: r.url,
          }),
          blocks: [{ type: 'input', block_id: 'company', element: { type: 'plain_text_input' } }],
        },
        values: { company: 'Hijacked' },
      }),
    );
    expect(res.status).toBe(200);
    const [reply] = await slack.fake.waitFor(() =>
      slack.fake.responses.get(r.id)!.length ? slack.fake.responses.get(r.id) : null,
    );
    expect(blocksText(reply!.blocks as unknown[])).toMatch(
      /no such request, invitation, member or organization/,
    );
    expect(await db.counts()).toEqual(before);
  });

  it('the same button in workspace B works for Bob (he is an approver there)', async () => {
    const r = slack.fake.responseUrl();
    await slack.post(
      blockActionBody({
        teamId: 'TGLOBEX',
        userId: 'UBOBG',
        responseUrl: r.url,
        button: {
          type: 'button',
          action_id: 'purchase.approve',
          value: JSON.stringify({ requestId: globexRequest }),
          text: { type: 'plain_text', text: 'Approve' },
        },
      }),
    );
    const [reply] = await slack.fake.waitFor(() =>
      slack.fake.responses.get(r.id)!.length ? slack.fake.responses.get(r.id) : null,
    );
    expect(blocksText(reply!.blocks as unknown[])).toMatch(/Approved: 1 Pro seat added/);
  });
});

describe('OAuth install routes', () => {
  it('GET /slack/install redirects to Slack with our scopes and a state cookie; the redirect stores the installation sealed', async () => {
    const install = await fetch(`${slack.url}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location')!);
    expect(location.searchParams.get('scope')).toBe(
      'commands,chat:write,im:write,users:read,users:read.email,files:write',
    );
    const state = location.searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
    slack.fake.oauthAccess = {
      ok: true,
      app_id: 'A0SEATS',
      authed_user: { id: 'UINSTALLER' },
      scope: 'commands,chat:write,im:write,users:read,users:read.email',
      token_type: 'bot',
      access_token: 'xoxb-new-team',
      bot_user_id: 'UBOTNEW',
      team: { id: 'TNEW', name: 'New' },
      enterprise: null,
      is_enterprise_install: false,
    };
    const done = await fetch(
      `${slack.url}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`,
      {
        headers: { cookie },
        redirect: 'manual',
      },
    );
    expect(done.status).toBe(200);
    expect(slack.fake.callsTo('oauth.v2.access')).toHaveLength(1);
    const saved = await store().fetchInstallation({
      teamId: 'TNEW',
      isEnterpriseInstall: false,
      enterpriseId: undefined,
    });
    expect(saved.bot?.token).toBe('xoxb-new-team');
  });

  it('app_uninstalled deletes that workspace’s installation and nothing else', async () => {
    const teams = async () =>
      (
        await db.em
          .fork()
          .execute<{ team_id: string }[]>('select team_id from slack_installation order by team_id')
      ).map((r) => r.team_id);
    expect(await teams()).toContain('TNEW');
    const r = await slack.post(eventBody('TNEW', { type: 'app_uninstalled', event_ts: '1.1' }), {
      contentType: 'application/json',
    });
    expect(r.status).toBe(200);
    const until = Date.now() + 3000;
    while ((await teams()).includes('TNEW') && Date.now() < until)
      await new Promise((s) => setTimeout(s, 20));
    expect(await teams()).toEqual(['TACME', 'TGLOBEX', 'TOTHER']);
  });

  it('a redirect with a forged state stores nothing', async () => {
    const before = await db.count('slack_installation');
    const r = await fetch(`${slack.url}/slack/oauth_redirect?code=abc&state=forged`, { redirect: 'manual' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(await db.count('slack_installation')).toBe(before);
  });
});
