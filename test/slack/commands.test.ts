import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import {
  BOT_TOKEN,
  blocksText,
  buttonsOf,
  eventBody,
  type SlackHarness,
  slashBody,
  startSlack,
} from './harness.ts';

const TEAM = 'T0ACME';
const USERS: Record<string, string> = {
  UALICE: DEMO.owner,
  UBOB: DEMO.admin,
  UCAROL: DEMO.members[0]!,
  UDAVE: DEMO.members[1]!,
  UERIN: DEMO.members[2]!,
  UFRANK: DEMO.outsider,
};
/** in the workspace, not in the organization */
const OUTSIDER = { id: 'UHANK', email: 'hank@example.com' };

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  for (const [id, email] of Object.entries(USERS)) slack.fake.addUser(TEAM, id, email);
  slack.fake.addUser(TEAM, 'UHIDDEN', null);
  slack.fake.addUser(TEAM, OUTSIDER.id, OUTSIDER.email);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

/** `/seats <text>` typed by a Slack user; the ack Slack shows them. */
const slash = async (userId: string, text: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: r.url }));
  const ack = res.body
    ? (JSON.parse(res.body) as { text?: string; blocks?: unknown[]; response_type?: string })
    : {};
  return { ...res, ack, text: ack.blocks ? blocksText(ack.blocks) : (ack.text ?? ''), responseId: r.id };
};

describe('/seats commands over real HTTP with Slack signatures', () => {
  it('status: an admin of the linked workspace sees seats per plan in Block Kit; their identity is verified once', async () => {
    const r = await slash('UBOB', 'status');
    expect(r.status).toBe(200);
    expect(r.ack.response_type).toBe('ephemeral');
    expect(r.text).toMatch(/Acme: 3 of 7 seats assigned/);
    expect(r.text).toMatch(/Pro: 4 purchased, 2 assigned, 2 free/);
    const info = slack.fake.callsTo('users.info').find((c) => c.args.user === 'UBOB');
    expect(info?.token).toBe(BOT_TOKEN);
    const identities = await db.em.fork().execute<{ email: string }[]>(
      `select a.email from chat_identity i join account a on a.id = i.account_id
         where i.platform = 'slack' and i.workspace_id = ? and i.user_id = 'UBOB'`,
      [TEAM],
    );
    expect(identities).toEqual([{ email: DEMO.admin }]);
    await slash('UBOB', 'status');
    // verified once: the second command asks Slack nothing
    expect(slack.fake.callsTo('users.info').filter((c) => c.args.user === 'UBOB')).toHaveLength(1);
  });

  it('status for a member shows their own plan', async () => {
    const r = await slash('UCAROL', 'status');
    expect(r.text).toMatch(/member of Acme on the Pro plan/);
  });

  it('members lists the organization', async () => {
    const r = await slash('UALICE', 'members');
    for (const email of Object.values(USERS).filter((e) => e !== DEMO.outsider))
      expect(r.text).toContain(email);
  });

  it('help and an unknown command answer in one line', async () => {
    expect((await slash('UCAROL', 'help')).text).toMatch(/invite/);
    const r = await slash('UCAROL', 'asign erin@example.com pro');
    expect(r.text).toMatch(/Unknown command "asign". Did you mean `assign`\?/);
    expect(r.text).toMatch(/invalid_input/);
  });

  it('invite by mention resolves the Slack user to an email (users.info)', async () => {
    const before = await db.count('invitation');
    const r = await slash('UBOB', 'invite <@UFRANK|frank> plan pro');
    expect(r.text).toContain(DEMO.outsider);
    expect(await db.count('invitation')).toBe(before + 1);
  });

  it("invite reads Slack's escaped email links (<mailto:…|…>)", async () => {
    const r = await slash('UBOB', 'invite <mailto:Gina@Example.com|Gina@Example.com> as admin');
    expect(r.text).toMatch(/Invited 1 person as an admin: gina@example.com/);
  });

  it('assign shows the result; unassign asks first with a confirm dialog on a danger button', async () => {
    const r = await slash('UALICE', `assign ${DEMO.members[2]} business`);
    expect(r.text).toMatch(/business/i);
    const u = await slash('UALICE', `unassign ${DEMO.members[2]}`);
    const [button] = buttonsOf(u.ack.blocks ?? []);
    expect(button?.action_id).toBe('unassign.confirm');
    expect(button?.confirm).toMatchObject({ title: { type: 'plain_text' }, style: 'danger' });
  });

  it('add 2 pro by a member shows the quote and routes it to the approvers', async () => {
    const r = await slash('UERIN', 'add 2 pro');
    expect(r.text).toMatch(/went to 2 approvers/);
    expect(r.text).toMatch(/Charged now \(prorated\)/);
  });

  it('offboard without names opens the modal (views.open with the trigger, fields as input blocks)', async () => {
    const r = await slash('UALICE', 'offboard');
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    const open = slack.fake.callsTo('views.open').at(-1)!;
    const view = open.args.view as {
      blocks: { type: string; block_id?: string }[];
      private_metadata: string;
      title: { text: string };
    };
    expect(String(open.args.trigger_id)).toMatch(/^trigger-/);
    expect(view.title.text).toBe('Offboard leavers');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual([
      'members',
      'freeSeat',
      'stopAutoRenew',
      'markFormer',
    ]);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ action: 'offboard.submit' });
  });

  it('offboard with names opens the modal with them picked', async () => {
    await slash('UALICE', `offboard ${DEMO.members[1]}`);
    const view = slack.fake.callsTo('views.open').at(-1)!.args.view as {
      blocks: { block_id?: string; element?: { initial_options?: { value: string }[] } }[];
    };
    const members = view.blocks.find((b) => b.block_id === 'members')!;
    expect(members.element?.initial_options?.map((o) => o.value)).toEqual([DEMO.members[1]]);
  });

  it('a slow views.open does not hold the ack past 3 s; the modal still opens', async () => {
    slack.fake.delays.set('views.open', 3500);
    try {
      const before = slack.fake.callsTo('views.open').length;
      const r = await slash('UALICE', 'offboard');
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(3000);
      expect(r.body).toBe('');
      await slack.fake.waitFor(() => slack.fake.callsTo('views.open').length > before);
    } finally {
      slack.fake.delays.delete('views.open');
    }
  });

  it('a Slack user without a visible email gets one clear line and nothing changes', async () => {
    const before = await db.counts();
    const r = await slash('UHIDDEN', 'org create Sneaky');
    expect(r.text).toMatch(/can't see your email address/);
    const after = await db.counts();
    expect({ ...after, slack_user: before.slack_user }).toEqual(before);
  });
});

describe('App Home', () => {
  const open = async (userId: string) => {
    const before = slack.fake.callsTo('views.publish').length;
    const r = await slack.post(
      eventBody(TEAM, {
        type: 'app_home_opened',
        user: userId,
        channel: `D${userId}`,
        tab: 'home',
        event_ts: '1.2',
      }),
      { contentType: 'application/json' },
    );
    expect(r.status).toBe(200);
    const call = await slack.fake.waitFor(() => slack.fake.callsTo('views.publish')[before]);
    return call.args as { user_id: string; view: { type: string; blocks: unknown[] } };
  };

  it('an admin sees seats per plan with the renewal date, and pending requests with Approve / Reject', async () => {
    const home = await open('UBOB');
    expect(home.user_id).toBe('UBOB');
    expect(home.view.type).toBe('home');
    const text = blocksText(home.view.blocks);
    expect(text).toMatch(/Pro: \d+ purchased, \d+ assigned, \d+ free, \d+ ending — renews 2026-/);
    expect(text).toMatch(/2 Pro seats .* asked by erin@example.com on .*, waiting for an approver/);
    expect(buttonsOf(home.view.blocks).map((b) => b.text.text)).toContain('Approve 2 Pro');
  });

  it('a retried event delivery (X-Slack-Retry-Num) is acknowledged and not handled again', async () => {
    const before = slack.fake.callsTo('views.publish').length;
    const r = await slack.post(
      eventBody(TEAM, {
        type: 'app_home_opened',
        user: 'UBOB',
        channel: 'DUBOB',
        tab: 'home',
        event_ts: '1.3',
      }),
      {
        contentType: 'application/json',
        headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' },
      },
    );
    expect(r.status).toBe(200);
    await open('UCAROL'); // a later, fresh event is handled, so the retry had its chance to run
    expect(
      slack.fake
        .callsTo('views.publish')
        .slice(before)
        .map((c) => c.args.user_id),
    ).toEqual(['UCAROL']);
  });

  it('someone in the workspace but not in the organization reads why once, and what to do', async () => {
    const text = blocksText((await open(OUTSIDER.id)).view.blocks);
    const line =
      'You are not a member of the organization this workspace is linked to. Ask one of its owners or admins to invite you.';
    expect(text.split(line)).toHaveLength(2);
    expect(text).not.toMatch(/does not exist/);
  });

  it('a member sees their own plan', async () => {
    const text = blocksText((await open('UDAVE')).view.blocks);
    expect(text).toMatch(/member of Acme on the Pro plan/);
  });
});
