import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { DAY_MS } from '../support/fixtures.ts';
import { FOREIGN_ATTEMPTS, linkByName } from '../support/links.ts';
import {
  blockActionBody,
  blocksText,
  eventBody,
  installWorkspace,
  type SlackHarness,
  slashBody,
  startSlack,
  viewSubmissionBody,
} from './harness.ts';

let db: TestDb;
let slack: SlackHarness;
let acmeId: string;
let acmeRequest: string;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  acmeId = await linkByName(db, { platform: 'slack', workspaceId: 'TACME' }, DEMO.organization);
  acmeRequest = (
    await requestSeats(
      db.ctx,
      { email: DEMO.members[2]! },
      { organizationId: acmeId, plan: 'pro', quantity: 1 },
    )
  ).request.id;
  slack = await startSlack(db, { mode: 'oauth' });
  for (const team of ['TACME', 'TEVIL', 'TNEW']) await installWorkspace(slack, db, team);
  slack.fake.addUser('TACME', 'UALICE', DEMO.owner);
  slack.fake.addUser('TACME', 'UBOB', DEMO.admin);
  // another workspace whose profiles claim the owner's email: one unconfirmed, one confirmed
  slack.fake.addUser('TEVIL', 'UCLAIMS', DEMO.owner, { confirmed: false });
  slack.fake.addUser('TEVIL', 'UCONFIRMED', DEMO.owner);
  slack.fake.addUser('TNEW', 'UALICEN', DEMO.owner);
  slack.fake.addUser('TNEW', 'UBOBN', DEMO.admin);
  slack.fake.addUser('TNEW', 'UCAROLN', DEMO.members[0]!);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (teamId: string, userId: string, text: string) => {
  const res = await slack.post(
    slashBody({ teamId, userId, text, responseUrl: slack.fake.responseUrl().url }),
  );
  const ack = res.body ? (JSON.parse(res.body) as { blocks?: unknown[]; text?: string }) : {};
  return ack.blocks ? blocksText(ack.blocks) : (ack.text ?? '');
};

/** The answer to a button or form, which Slack receives on the response_url. */
const answered = async (id: string) =>
  blocksText(
    (
      await slack.fake.waitFor(() =>
        slack.fake.responses.get(id)!.length ? slack.fake.responses.get(id) : null,
      )
    )[0]!.blocks as unknown[],
  );

const pressApprove = async (teamId: string, userId: string) => {
  const r = slack.fake.responseUrl();
  await slack.post(
    blockActionBody({
      teamId,
      userId,
      responseUrl: r.url,
      button: {
        type: 'button',
        action_id: 'purchase.approve',
        value: JSON.stringify({ requestId: acmeRequest }),
        text: { type: 'plain_text', text: 'Approve' },
      },
    }),
  );
  return answered(r.id);
};

const submitOffboarding = async (teamId: string, userId: string) => {
  const r = slack.fake.responseUrl();
  await slack.post(
    viewSubmissionBody({
      teamId,
      userId,
      view: {
        callback_id: 'seatkeeper_form',
        private_metadata: JSON.stringify({
          action: 'offboard.submit',
          payload: { organizationId: acmeId },
          responseUrl: r.url,
        }),
        blocks: [{ type: 'input', block_id: 'members', element: { type: 'plain_text_input' } }],
      },
      values: { members: DEMO.members[0]! },
    }),
  );
  return answered(r.id);
};

const homeText = async (teamId: string, userId: string) => {
  const before = slack.fake.callsTo('views.publish').length;
  await slack.post(eventBody(teamId, { type: 'app_home_opened', user: userId, tab: 'home' }), {
    contentType: 'application/json',
  });
  const [call] = await slack.fake.waitFor(() => {
    const calls = slack.fake.callsTo('views.publish');
    return calls.length > before ? calls.slice(before) : null;
  });
  return blocksText((call!.args.view as { blocks: unknown[] }).blocks);
};

const ATTEMPTS = FOREIGN_ATTEMPTS({ admin: DEMO.admin, member: DEMO.members[0]!, other: DEMO.members[2]! });

describe('a workspace the owner never linked sees nothing of the organization and changes nothing', () => {
  it('a profile reporting an unconfirmed copy of the owner’s email is refused everywhere', async () => {
    const before = await db.counts();
    for (const text of ATTEMPTS) {
      const r = await slash('TEVIL', 'UCLAIMS', text);
      expect(r, text).toMatch(
        /email address in Slack is not confirmed.*Confirm your email in Slack.*email_unverified/s,
      );
      expect(r, text).not.toMatch(/Acme/);
    }
    expect(await pressApprove('TEVIL', 'UCLAIMS')).toMatch(/not confirmed/);
    expect(await submitOffboarding('TEVIL', 'UCLAIMS')).toMatch(/not confirmed/);
    expect(await homeText('TEVIL', 'UCLAIMS')).not.toMatch(/Acme/);
    expect(await db.counts()).toEqual(before);
  });

  it('the owner’s confirmed email in a workspace that is not linked is refused everywhere', async () => {
    expect(await slash('TEVIL', 'UCONFIRMED', 'help')).toMatch(/Seatkeeper commands/);
    const before = await db.counts();
    for (const text of ATTEMPTS) {
      const r = await slash('TEVIL', 'UCONFIRMED', text);
      expect(r, text).toMatch(/This workspace is not linked to an organization\..*workspace_not_linked/s);
      expect(r, text).not.toMatch(/Acme/);
    }
    expect(await pressApprove('TEVIL', 'UCONFIRMED')).toMatch(/workspace_not_linked/);
    expect(await submitOffboarding('TEVIL', 'UCONFIRMED')).toMatch(/workspace_not_linked/);
    const home = await homeText('TEVIL', 'UCONFIRMED');
    expect(home).toMatch(/not linked/);
    expect(home).not.toMatch(/Acme/);
    expect(await db.counts()).toEqual(before);
    const [request] = await db.em
      .fork()
      .execute<{ status: string }[]>('select status from purchase_request where id = ?', [acmeRequest]);
    expect(request!.status).toBe('pending');
  });
});

describe('linking another workspace with a one-time code', () => {
  let code: string;

  it('`org link` gives an admin of the linked workspace a code, shown to them alone', async () => {
    const r = await slash('TACME', 'UBOB', 'org link');
    code = /lk_[a-z2-7]{32}/.exec(r)![0];
    expect(r).toMatch(/Link code for Acme/);
    const stored = await db.em.fork().execute<{ code_hash: string }[]>('select code_hash from link_code');
    expect(JSON.stringify(stored)).not.toContain(code.slice(3));
  });

  it('a member cannot use it; an admin of Acme can, and the workspace serves Acme from then on', async () => {
    const before = await db.counts();
    expect(await slash('TNEW', 'UCAROLN', `org link ${code}`)).toMatch(/forbidden/);
    // Carol's first command verified her identity: nothing else was written
    expect((await db.counts()).workspace_link).toBe(before.workspace_link);
    expect(await slash('TNEW', 'UBOBN', `org link ${code}`)).toMatch(/This workspace is now linked to Acme/);
    expect(await slash('TNEW', 'UBOBN', 'status')).toMatch(/^Acme: /);
  });

  it('the code works once', async () => {
    const before = await db.counts();
    expect(await slash('TEVIL', 'UCONFIRMED', `org link ${code}`)).toMatch(
      /used already.*link_code_invalid/s,
    );
    expect(await db.counts()).toEqual(before);
  });

  it('an expired code is refused', async () => {
    const fresh = /lk_[a-z2-7]{32}/.exec(await slash('TACME', 'UALICE', 'org link'))![0];
    db.clock.advance(DAY_MS + 1);
    expect(await slash('TEVIL', 'UCONFIRMED', `org link ${fresh}`)).toMatch(/expired.*link_code_invalid/s);
    expect(await slash('TEVIL', 'UCONFIRMED', 'status')).toMatch(/workspace_not_linked/);
  });

  it('only the owner unlinks, and never the last link', async () => {
    expect(await slash('TNEW', 'UBOBN', 'org unlink')).toMatch(/Only the owner can unlink.*forbidden/s);
    expect(await slash('TNEW', 'UALICEN', 'org unlink')).toMatch(/no longer linked to Acme/);
    expect(await slash('TNEW', 'UBOBN', 'status')).toMatch(/workspace_not_linked/);
    expect(await slash('TACME', 'UALICE', 'org unlink')).toMatch(/last workspace linked to Acme.*conflict/s);
    expect(await slash('TACME', 'UALICE', 'status')).toMatch(/^Acme: /);
  });
});
