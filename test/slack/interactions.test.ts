import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import type { PostedMessage } from './fake-slack.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  blocksText,
  buttonsOf,
  interactive,
  type SlackButton,
  type SlackHarness,
  slashBody,
  startSlack,
  stateFor,
  viewSubmissionBody,
} from './harness.ts';

const TEAM = 'T0ACME';
const ID: Record<string, string> = {
  [DEMO.owner]: 'UALICE',
  [DEMO.admin]: 'UBOB',
  [DEMO.members[0]!]: 'UCAROL',
  [DEMO.members[1]!]: 'UDAVE',
  [DEMO.members[2]!]: 'UERIN',
  [DEMO.outsider]: 'UFRANK',
  'gina@example.com': 'UGINA',
};

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  for (const [email, id] of Object.entries(ID)) slack.fake.addUser(TEAM, id, email);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (email: string, text: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(slashBody({ teamId: TEAM, userId: ID[email]!, text, responseUrl: r.url }));
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { text: string; blocks: unknown[] }) : null;
};
const deliver = async () => {
  while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
};
const dmsOf = (email: string) => slack.fake.messages.filter((m) => m.channel === `D${ID[email]}`);
const now = (m: PostedMessage) => m.versions.at(-1)!;
const button = (blocks: unknown[], label: string): SlackButton => {
  const b = buttonsOf(blocks).find((x) => x.text.text === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
};

/** Clicks a button; returns what the clicker is told (posted to the click's response_url). */
const click = async (email: string, b: SlackButton, message?: PostedMessage) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(
    blockActionBody({
      teamId: TEAM,
      userId: ID[email]!,
      button: b,
      responseUrl: r.url,
      channel: message?.channel,
      ts: message?.ts,
    }),
  );
  expect(res.status).toBe(200);
  const [reply] = await slack.fake.waitFor(() => {
    const got = slack.fake.responses.get(r.id)!;
    return got.length ? got : null;
  });
  return { response_type: reply!.response_type, text: blocksText(reply!.blocks as unknown[]) };
};

/** Opens a form with a command and submits it; returns the HTTP ack and where the result went. */
const submitForm = async (email: string, command: string, values: Record<string, unknown>) => {
  const r = slack.fake.responseUrl();
  await slack.post(slashBody({ teamId: TEAM, userId: ID[email]!, text: command, responseUrl: r.url }));
  const view = slack.fake.callsTo('views.open').at(-1)!.args.view as never;
  const res = await slack.post(viewSubmissionBody({ teamId: TEAM, userId: ID[email]!, view, values }));
  return { res, ack: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : null, responseId: r.id };
};
const resultOf = async (responseId: string) => {
  const [reply] = await slack.fake.waitFor(() => {
    const got = slack.fake.responses.get(responseId)!;
    return got.length ? got : null;
  });
  return blocksText(reply!.blocks as unknown[]);
};

describe('invitations as DMs with Accept / Decline', () => {
  it('Bob invites Frank; the worker DMs Frank (users.lookupByEmail, chat.postMessage) with Accept and Decline', async () => {
    await slash(DEMO.admin, `invite ${DEMO.outsider} plan pro`);
    await deliver();
    expect(slack.fake.callsTo('users.lookupByEmail').map((c) => c.args.email)).toContain(DEMO.outsider);
    const [dm] = dmsOf(DEMO.outsider);
    expect(blocksText(now(dm!).blocks)).toMatch(/invites you to Acme as a member with a Pro seat/);
    expect(buttonsOf(now(dm!).blocks).map((b) => [b.text.text, b.action_id])).toEqual([
      ['Accept', 'invitation.accept'],
      ['Decline', 'invitation.decline'],
    ]);
  });

  it('Frank accepts from the DM: he is told, and the DM is updated to show it without buttons', async () => {
    const [dm] = dmsOf(DEMO.outsider);
    const r = await click(DEMO.outsider, button(now(dm!).blocks, 'Accept'), dm);
    expect(r.text).toMatch(/Welcome to Acme/);
    expect(r.response_type).toBe('ephemeral');
    const update = slack.fake.callsTo('chat.update').find((c) => c.args.ts === dm!.ts);
    expect(update?.args.channel).toBe(dm!.channel);
    expect(buttonsOf(now(dm!).blocks)).toEqual([]);
    expect(blocksText(now(dm!).blocks)).toMatch(/Accept — by frank@example.com/);
  });

  it('Gina declines; the inviter hears about it', async () => {
    await slash(DEMO.admin, 'invite gina@example.com');
    await deliver();
    const [dm] = dmsOf('gina@example.com');
    const r = await click('gina@example.com', button(now(dm!).blocks, 'Decline'), dm);
    expect(r.text).toMatch(/declined|Declined/);
    await deliver();
    expect(
      dmsOf(DEMO.admin)
        .map((m) => blocksText(now(m).blocks))
        .join('\n'),
    ).toMatch(/gina@example.com declined/);
  });
});

describe('approval requests with Approve / Reject', () => {
  it('Erin asks for 2 Pro seats; each approver gets a DM with the quote, Approve, and Reject that asks first', async () => {
    await slash(DEMO.members[2]!, 'add 2 pro');
    await deliver();
    for (const approver of [DEMO.owner, DEMO.admin]) {
      const dm = dmsOf(approver).at(-1)!;
      expect(blocksText(now(dm).blocks)).toMatch(/erin@example.com asks for 2 Pro seats in Acme/);
      expect(blocksText(now(dm).blocks)).toMatch(/Charged now \(prorated\)/);
      const reject = button(now(dm).blocks, 'Reject');
      expect(reject.style).toBe('danger');
      expect(reject.confirm).toMatchObject({
        title: { text: 'Reject this request?' },
        confirm: { text: 'Reject' },
      });
      expect(JSON.parse(button(now(dm).blocks, 'Approve').value)).toHaveProperty('requestId');
    }
  });

  it('Bob approves: charged once, and every copy of the request shows who decided', async () => {
    const charges = await db.count('ledger_charge');
    const bobs = dmsOf(DEMO.admin).at(-1)!;
    const alices = dmsOf(DEMO.owner).at(-1)!;
    const r = await click(DEMO.admin, button(now(bobs).blocks, 'Approve'), bobs);
    expect(r.text).toMatch(/Approved: 2 Pro seats added/);
    expect(await db.count('ledger_charge')).toBe(charges + 1);
    for (const copy of [bobs, alices]) {
      expect(buttonsOf(now(copy).blocks)).toEqual([]);
      expect(blocksText(now(copy).blocks)).toMatch(/by bob@example.com/);
    }
  });

  it("Alice clicks Approve on her stale copy: nothing changes and she is told it's already decided", async () => {
    const alices = dmsOf(DEMO.owner).at(-1)!;
    const before = await db.counts();
    const r = await click(DEMO.owner, button(alices.versions[0]!.blocks, 'Approve'), alices);
    expect(r.text).toMatch(/Already decided.*by bob@example.com\. Nothing changed\./);
    expect(await db.counts()).toEqual(before);
  });

  it('the result notice reaches the requester and is added to the approvers’ copies', async () => {
    await deliver();
    expect(
      dmsOf(DEMO.members[2]!)
        .map((m) => blocksText(now(m).blocks))
        .join('\n'),
    ).toMatch(/Approved and paid: 2 Pro seats added to Acme/);
    const alices = slack.fake.messages.find(
      (m) => m.channel === 'DUALICE' && /asks for 2 Pro/.test(m.versions[0]!.text),
    )!;
    expect(blocksText(now(alices).blocks)).toMatch(/Approved and paid/);
    // the decision, then the result once (although the result notice went to three people)
    expect(slack.fake.callsTo('chat.update').filter((c) => c.args.ts === alices.ts)).toHaveLength(2);
  });

  it('Alice rejects Carol’s request (the Reject button, confirmed in Slack)', async () => {
    await slash(DEMO.members[0]!, 'add 1 business');
    await deliver();
    const dm = dmsOf(DEMO.owner).at(-1)!;
    const r = await click(DEMO.owner, button(now(dm).blocks, 'Reject'), dm);
    expect(r.text).toMatch(/Rejected|rejected/);
    await deliver();
    expect(
      dmsOf(DEMO.members[0]!)
        .map((m) => blocksText(now(m).blocks))
        .join('\n'),
    ).toMatch(/rejected 1 Business seat/);
  });

  it('an approver’s own purchase asks for confirmation with Confirm purchase', async () => {
    const ack = await slash(DEMO.owner, 'add 1 pro');
    const confirm = button(ack!.blocks, 'Confirm purchase');
    const r = await click(DEMO.owner, confirm);
    expect(r.text).toMatch(/Approved: 1 Pro seat added/);
  });
});

describe('confirm buttons', () => {
  it('unassign asks first; Move to Free (confirmed) removes the seat', async () => {
    const ack = await slash(DEMO.owner, `unassign ${DEMO.members[1]}`);
    const b = buttonsOf(ack!.blocks)[0]!;
    expect(b.confirm).toBeDefined();
    const r = await click(DEMO.owner, b);
    expect(r.text).toMatch(/dave@example.com.*Free|Free/);
    const status = await slash(DEMO.members[1]!, 'status');
    expect(status!.text).toMatch(/on the Free plan/);
  });

  it('a button whose value was tampered into garbage is refused in one line', async () => {
    const r = await click(DEMO.owner, {
      type: 'button',
      action_id: 'purchase.approve',
      value: 'not json',
      text: { type: 'plain_text', text: 'Approve' },
    });
    expect(r.text).toMatch(/no longer valid/);
  });
});

describe('modals', () => {
  it('offboarding shows a summary of the choices, redrawn (views.update) as they change', async () => {
    await slash(DEMO.owner, 'offboard');
    const view = slack.fake.callsTo('views.open').at(-1)!.args.view as {
      blocks: { type: string; block_id?: string; text?: { text: string } }[];
      private_metadata: string;
      callback_id: string;
    };
    const summary = () => view.blocks.find((b) => b.block_id === 'summary')!.text!.text;
    expect(summary()).toMatch(/Leavers: \*—\*/);
    expect(summary()).toMatch(/Free their seat for someone else: \*yes\*/);
    const state = stateFor(view.blocks as never, {
      members: [DEMO.members[1]],
      freeSeat: true,
      markFormer: true,
    });
    const res = await slack.post(
      interactive({
        type: 'block_actions',
        team: { id: TEAM },
        user: { id: 'UALICE', team_id: TEAM },
        api_app_id: 'A0SEATS',
        trigger_id: 't',
        container: { type: 'view', view_id: 'V9' },
        view: {
          ...view,
          id: 'V9',
          hash: 'h1',
          type: 'modal',
          state,
          title: { type: 'plain_text', text: 'Offboard leavers' },
        },
        actions: [
          { type: 'multi_external_select', action_id: 'form_input', block_id: 'members', action_ts: '1' },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const update = await slack.fake.waitFor(() => slack.fake.callsTo('views.update').at(-1));
    expect(update.args).toMatchObject({ view_id: 'V9', hash: 'h1' });
    const next = update.args.view as {
      blocks: { block_id?: string; text?: { text: string } }[];
      private_metadata: string;
    };
    expect(next.private_metadata).toBe(view.private_metadata);
    const text = next.blocks.find((b) => b.block_id === 'summary')!.text!.text;
    expect(text).toMatch(/Leavers: \*dave@example.com\*/);
    expect(text).toMatch(/Mark as former \(hidden from lists\): \*yes\*/);
  });

  it('offboarding: submitting the modal offboards the picked leavers and reports through the response_url', async () => {
    const { ack, responseId } = await submitForm(DEMO.owner, 'offboard', {
      members: [DEMO.members[0]],
      freeSeat: true,
      stopAutoRenew: false,
      markFormer: false,
    });
    expect(ack).toBeNull();
    expect(await resultOf(responseId)).toMatch(
      /Offboarded 1 person[\s\S]*carol@example.com: can no longer sign in; Pro seat freed/,
    );
  });

  it('a submission whose form metadata is not ours is refused in one line and changes nothing', async () => {
    const before = await db.counts();
    const res = await slack.post(
      viewSubmissionBody({
        teamId: TEAM,
        userId: 'UALICE',
        view: { callback_id: 'seatkeeper_form', private_metadata: 'garbage', blocks: [] },
        values: {},
      }),
    );
    expect(res.status).toBe(200);
    const dm = await slack.fake.waitFor(() =>
      slack.fake.messages.find(
        (m) => m.channel === 'DUALICE' && /form is no longer valid/.test(m.versions[0]!.text),
      ),
    );
    expect(dm).toBeDefined();
    expect(await db.counts()).toEqual(before);
  });

  it('offboarding: a bad email stays in the modal on the members block, in one line naming the field by its label', async () => {
    const before = await db.counts();
    const { ack } = await submitForm(DEMO.owner, 'offboard', {
      members: [DEMO.members[2], '3'],
      freeSeat: true,
    });
    expect(ack).toEqual({
      response_action: 'errors',
      errors: { members: 'Leavers: "3" is not a valid email address.' },
    });
    expect(await db.counts()).toEqual(before);
  });

  it('offboarding the owner is refused and nothing changes', async () => {
    const before = await db.counts();
    const { responseId } = await submitForm(DEMO.admin, 'offboard', {
      members: [DEMO.owner],
      freeSeat: true,
    });
    expect(await resultOf(responseId)).toMatch(/:x:/);
    expect(await db.counts()).toEqual(before);
  });

  it('seat purchase: a bad quantity is shown on the field (response_action errors) and nothing changes', async () => {
    const before = await db.counts();
    const { ack } = await submitForm(DEMO.owner, 'add', { plan: 'pro', quantity: 0 });
    expect(ack).toEqual({ response_action: 'errors', errors: { quantity: 'Enter 1 to 10,000.' } });
    expect(await db.counts()).toEqual(before);
  });

  it('seat purchase: plan and quantity give the live quote with Confirm purchase', async () => {
    const view = async () => {
      await slash(DEMO.owner, 'add');
      return slack.fake.callsTo('views.open').at(-1)!.args.view as {
        blocks: { block_id?: string; element?: { type: string } }[];
      };
    };
    const v = await view();
    expect(v.blocks.find((b) => b.block_id === 'plan')?.element?.type).toBe('static_select');
    expect(v.blocks.find((b) => b.block_id === 'quantity')?.element?.type).toBe('number_input');
    const { responseId } = await submitForm(DEMO.owner, 'add', { plan: 'business', quantity: 2 });
    const text = await resultOf(responseId);
    expect(text).toMatch(/Buy 2 Business seats\?/);
    expect(text).toMatch(/Charged now \(prorated\)/);
  });

  it('billing details: a bad field stays in the modal on that field; good details are saved', async () => {
    const bad = await submitForm(DEMO.owner, 'billing', {
      company: 'Acme BV',
      email: 'not-an-email',
      country: 'NL',
    });
    expect(bad.ack).toEqual({
      response_action: 'errors',
      errors: { email: 'Billing email: "not-an-email" is not a valid email address.' },
    });
    const good = await submitForm(DEMO.owner, 'billing', {
      company: 'Acme BV',
      email: 'billing@acme.example',
      country: 'NL',
      vatId: '',
      address: 'Main street 1',
    });
    expect(good.ack).toBeNull();
    expect(await resultOf(good.responseId)).toMatch(/Billing details saved/);
    const again = await slash(DEMO.owner, 'billing');
    expect(again).toBeNull();
    const view = slack.fake.callsTo('views.open').at(-1)!.args.view as {
      blocks: { text?: { text: string } }[];
    };
    expect(view.blocks[0]!.text!.text).toMatch(/Acme BV, billing@acme.example, NL/);
  });
});
