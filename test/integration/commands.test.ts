import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import { SPECS } from '../../src/commands/grammar.ts';
import type { ActionInput } from '../../src/commands/handler.ts';
import type { Button, Reply } from '../../src/commands/reply.ts';
import { english } from '../../src/i18n/words.ts';
import { createExternalContract } from '../../src/service/create-external-contract.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The chat layer end to end: text or a button in, a neutral Reply out, on a real database seeded
 * with the Acme demo (alice owner, bob admin + approver, carol and dave members on pro, erin
 * member on free, frank outside). Tests in a block share its database and run in order.
 */

const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const [CAROL, DAVE, ERIN] = DEMO.members as [string, string, string];
const FRANK = DEMO.outsider;

/** Unexpected errors the dispatcher logged (an `internal` reply); each test must leave none. */
let logged: unknown[] = [];
const log = (e: unknown) => logged.push(e);

const mentions: Record<string, string> = { U_ANA: 'ana@example.com', U_CAROL: CAROL };

const contextOf = (db: TestDb, email: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  service: db.ctx,
  actor: { email },
  resolveMention: async (id) => mentions[id] ?? null,
  ...extra,
});

const say = (db: TestDb, who: string, text: string, extra?: Partial<CommandContext>) =>
  runCommand(contextOf(db, who, extra), text, log);

const act = (
  db: TestDb,
  who: string,
  action: string,
  payload: ActionInput['payload'],
  values?: ActionInput['values'],
) => runAction(contextOf(db, who), action, { payload, values }, log);

const press = (db: TestDb, who: string, b: Button | undefined, values?: ActionInput['values']) => {
  expect(b, 'the button to press').toBeDefined();
  return act(db, who, b!.action, b!.payload, values);
};

/** Every reply: a non-empty single line of text. */
const checkShape = (r: Reply) => {
  expect(r.text.trim().length).toBeGreaterThan(0);
  expect(r.text).not.toMatch(/[\n\r\u2028\u2029]/);
  if (r.tone === 'error') expect(r.code).toBeTruthy();
};

const expectOk = (r: Reply, text?: string | RegExp) => {
  checkShape(r);
  expect(r.tone, `${r.code ?? ''} ${r.text}`).not.toBe('error');
  if (typeof text === 'string') expect(r.text).toBe(text);
  else if (text) expect(r.text).toMatch(text);
  return r;
};

const expectRefused = (r: Reply, code: string, text?: string | RegExp) => {
  checkShape(r);
  expect(r.tone, r.text).toBe('error');
  expect(r.code, r.text).toBe(code);
  expect(r.private).toBe(true);
  if (typeof text === 'string') expect(r.text).toBe(text);
  else if (text) expect(r.text).toMatch(text);
  return r;
};

/** Pending direct messages to a person, rendered as the shell and chat adapters render them. */
const inbox = (db: TestDb, email: string): Promise<Reply[]> => chatOn(db).inbox(email);

/** Empties a person's inbox (messages from earlier steps). */
const drain = async (db: TestDb, ...emails: string[]) => {
  for (const e of emails) await inbox(db, e);
};

/** The newest approval request in a person's inbox. */
/**
 * The approval request an approver got for `asks` ("erin@example.com asks for 1 Pro seat"): by
 * its words, since requests made in one frozen instant have no order of their own.
 */
const approvalNotice = async (db: TestDb, email: string, asks: string): Promise<Reply> => {
  const notices = (await inbox(db, email)).filter(
    (n) => n.buttons?.some((b) => b.action === 'purchase.approve') && n.text.startsWith(asks),
  );
  expect(notices.length, `an approval request for ${email}`).toBeGreaterThan(0);
  return notices.at(-1)!;
};

const organizationId = async (db: TestDb) =>
  (await db.em.fork().execute<{ id: string }[]>(`select id from organization where name = 'Acme'`))[0]!.id;

describe('chat commands on the Acme demo', () => {
  let db: TestDb;
  let orgId: string;
  const run = (who: string, text: string, extra?: Partial<CommandContext>) => say(db, who, text, extra);

  beforeAll(async () => {
    db = await freshDb();
    expect(await seedDemo(db.ctx)).toBe(true);
    orgId = await organizationId(db);
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    logged = [];
    db.clock.set('2026-03-01T00:00:00Z');
  });
  afterEach(() => {
    expect(logged, 'errors logged by the dispatcher').toEqual([]);
  });

  describe('help', () => {
    it('lists every command in the order of the grammar', async () => {
      const r = expectOk(await run(FRANK, 'help'), 'Seatkeeper commands (type `help <command>` for one):');
      expect(r.tone).toBe('info');
      expect(r.private).toBe(true);
      expect(r.sections).toEqual([
        { title: 'Commands', lines: SPECS.map((s) => `\`${s.syntax}\` — ${english.t(s.summary)}`) },
      ]);
    });

    it('an empty message is help too', async () => {
      expect((await run(CAROL, '   ')).sections?.[0]?.lines).toHaveLength(SPECS.length);
    });

    it('explains one command with an example', async () => {
      const r = expectOk(await run(CAROL, 'help ADD'));
      expect(r.text).toBe(
        '`add <n> <plan> [for <who>…]` — Ask for more seats: shows the prorated quote, then goes for approval.',
      );
      expect(r.fields).toEqual([{ label: 'Example', value: '`add 3 pro`' }]);
    });

    it('points to the related commands of a two-word command', async () => {
      const r = expectOk(await run(CAROL, 'help contract connect'));
      expect(r.text).toMatch(/^`contract connect <key>` — /);
      expect(r.fields).toEqual([
        { label: 'Example', value: '`contract connect ck_abcdefghijklmnopqrstuvwxyz234567`' },
        { label: 'See also', value: '`contract key`' },
        { label: 'See also', value: '`contract disconnect`' },
      ]);
    });

    it('refuses an unknown topic, suggesting the nearest command', async () => {
      expectRefused(
        await run(CAROL, 'help asign'),
        'invalid_input',
        'There is no command "asign". Did you mean `assign`? Type `help` for the list.',
      );
    });
  });

  describe('reading', () => {
    it('plans lists the catalog with prices and features, to anyone', async () => {
      const r = expectOk(await run(FRANK, 'plans'));
      expect(r.text).toBe('Plans (price per seat; more than 10 seats of a plan get volume discounts):');
      expect(r.sections?.[0]?.lines).toEqual([
        'Free (`free`): €0.00/month or €0.00/year — surveys',
        'Pro (`pro`): €15.00/month or €150.00/year — surveys, exports, branding',
        'Business (`business`): €30.00/month or €300.00/year — surveys, exports, branding, groups, api, sso',
      ]);
    });

    it('status shows the seats per plan to an admin', async () => {
      const r = expectOk(await run(BOB, 'status'), 'Acme: 3 of 7 seats assigned, 4 free.');
      expect(r.sections).toEqual([
        {
          title: 'Seats per plan',
          lines: [
            'Pro: 4 purchased, 2 assigned, 2 free, 0 ending — renews 2026-04-01',
            'Business: 3 purchased, 1 assigned, 2 free, 0 ending — renews 2026-04-01',
          ],
        },
      ]);
      expect(r.fields).toEqual([{ label: 'Auto-assign', value: 'off' }]);
    });

    it('status shows a member their own plan', async () => {
      const r = expectOk(
        await run(CAROL, 'status'),
        'You are a member of Acme on the Pro plan. Need more seats? Ask with `add <n> <plan>`.',
      );
      expect(r.private).toBe(true);
      expect(r.sections).toBeUndefined();
      expectOk(
        await run(ERIN, 'status'),
        'You are a member of Acme on the Free plan. Need more seats? Ask with `add <n> <plan>`.',
      );
    });

    it('status refuses someone outside any organization, with the way in', async () => {
      expectRefused(
        await run(FRANK, 'status'),
        'not_found',
        'You are not in an organization yet. Create one with `org create <name>`, or ask an admin to invite you.',
      );
    });

    it('members --former with nobody former says so instead of listing everyone again', async () => {
      const r = expectOk(await run(ALICE, 'members --former'));
      expect(r.text).toBe(
        'Acme has no former members. Leavers offboarded with "mark as former" are listed here; `members` shows everyone else.',
      );
      expect(r.sections ?? []).toEqual([]);
    });

    it('members lists role and plan, owner and admins first', async () => {
      const r = expectOk(await run(ALICE, 'members'), 'Acme has 5 active members.');
      expect(r.sections).toEqual([
        {
          title: 'Members (5)',
          lines: [
            'alice@example.com — owner, Business',
            'bob@example.com — admin (approver), Free',
            'carol@example.com — member, Pro',
            'dave@example.com — member, Pro',
            'erin@example.com — member, Free',
          ],
        },
      ]);
    });

    it('audit lists the latest changes, for everyone or one person, with a limit', async () => {
      const all = expectOk(await run(BOB, 'audit'));
      // the demo made fewer than 20 changes to Acme: all of them
      expect(all.text).toMatch(/^The last 1\d changes:$/);
      expect(all.sections?.[0]?.title).toBe('Audit');
      // a sentence with the demo's names; the test context has no time zone: UTC, and it says so
      expect(all.sections?.[0]?.lines).toContain('Mar 1, 00:00 UTC — Alice gave Dave a Pro seat.');
      expectOk(await run(BOB, 'audit 5'), 'The last 5 changes:');
      const carol = expectOk(
        await run(ALICE, 'audit Carol@Example.com 2'),
        'The last 2 changes about carol@example.com:',
      );
      expect(carol.sections?.[0]?.lines).toHaveLength(2);
      expectOk(await run(ALICE, 'audit <@U_CAROL> 1'), 'The last change about carol@example.com:');
      expectOk(await run(ALICE, 'audit nobody@example.com'), 'No changes recorded yet.');
    });

    it('requests lists the purchases so far', async () => {
      const r = expectOk(await run(BOB, 'requests'), '2 seat purchase requests:');
      expect(r.sections?.[0]?.lines.sort()).toEqual([
        '2 Business seats for €60.00 — asked by alice@example.com on Mar 1, 00:00 UTC, approved and paid',
        '4 Pro seats for €60.00 — asked by alice@example.com on Mar 1, 00:00 UTC, approved and paid',
      ]);
      expect(r.buttons).toEqual([]);
    });

    it('requests shows a member only their own', async () => {
      expectOk(
        await run(CAROL, 'requests'),
        'No seat purchase requests yet. Ask for seats with `add <n> <plan>`.',
      );
    });
  });

  describe('invite, accept, decline', () => {
    it('invites by email with a plan; the invitee accepts from the direct message', async () => {
      const r = expectOk(
        await run(ALICE, 'invite Frank@Example.com plan PRO'),
        'Invited 1 person as a member with a Pro seat: frank@example.com. They get a message to accept; the invitation lasts 7 days.',
      );
      expect(r.tone).toBe('ok');
      const [notice, ...rest] = await inbox(db, FRANK);
      expect(rest).toEqual([]);
      expect(notice!.text).toBe(
        'alice@example.com invites you to Acme as a member with a Pro seat. The invitation lasts until Mar 8, 2026, 00:00 UTC.',
      );
      expect(notice!.buttons?.map((b) => [b.label, b.action, b.style])).toEqual([
        ['Accept', 'invitation.accept', 'primary'],
        ['Decline', 'invitation.decline', undefined],
      ]);
      expectOk(
        await press(db, FRANK, notice!.buttons![0]),
        'Welcome to Acme! You have a Pro seat. Your own plan is paused while the organization pays.',
      );
      expect((await inbox(db, ALICE)).map((n) => n.text)).toEqual(['frank@example.com joined Acme on Pro.']);
      // a second click changes nothing
      expectRefused(
        await press(db, FRANK, notice!.buttons![0]),
        'invitation_closed',
        'This invitation is accepted. Nothing to do.',
      );
      expectOk(
        await run(FRANK, 'status'),
        'You are a member of Acme on the Pro plan. Need more seats? Ask with `add <n> <plan>`.',
      );
    });

    it('invites several at once as admin, by mention and email; skips members', async () => {
      const r = expectOk(
        await run(BOB, 'invite <@U_ANA|ana>, gina@example.com and carol@example.com as admin'),
      );
      expect(r.text).toBe(
        'Invited 2 people as admins: ana@example.com, gina@example.com. They get a message to accept; the invitation lasts 7 days.',
      );
      expect(r.sections).toEqual([{ title: 'Skipped', lines: ['carol@example.com: already a member'] }]);
    });

    it('says nobody new when everyone is in or invited already', async () => {
      const r = expectOk(
        await run(BOB, 'invite gina@example.com carol@example.com'),
        'Nobody new to invite.',
      );
      expect(r.sections?.[0]?.lines).toEqual([
        'gina@example.com: already invited',
        'carol@example.com: already a member',
      ]);
    });

    it('members shows pending invitations', async () => {
      const r = expectOk(await run(ALICE, 'members'));
      expect(r.sections?.[1]).toEqual({
        title: 'Invited (2)',
        lines: ['ana@example.com — admin, until 2026-03-08', 'gina@example.com — admin, until 2026-03-08'],
      });
    });

    it('the invitee can decline; the inviter is told', async () => {
      const [notice] = await inbox(db, 'gina@example.com');
      expectOk(
        await press(db, 'gina@example.com', notice!.buttons![1]),
        'You declined the invitation. Nothing changes for you.',
      );
      expect((await inbox(db, BOB)).map((n) => n.text)).toContain(
        'gina@example.com declined your invitation.',
      );
    });

    it("someone else cannot accept another person's invitation", async () => {
      const [notice] = await inbox(db, 'ana@example.com');
      expectRefused(
        await press(db, ERIN, notice!.buttons![0]),
        'not_found',
        'There is no such invitation for you. Ask the person who invited you to send it again.',
      );
    });

    it('refuses a mention it cannot resolve, and a member inviting', async () => {
      expectRefused(
        await run(ALICE, 'invite <@U_NOBODY|zed>'),
        'not_found',
        "I can't see an email address for @zed. Use their email address instead.",
      );
      expectRefused(await run(ALICE, 'invite <@U_NOBODY>'), 'not_found', /that person/);
      expectRefused(
        await run(CAROL, 'invite zed@example.com'),
        'forbidden',
        'You are a member: that is not yours to do. Ask an admin or the owner to do it.',
      );
    });

    it('refuses an unknown plan, naming the plans', async () => {
      expectRefused(
        await run(ALICE, 'invite zed@example.com plan gold'),
        'not_found',
        'There is no plan called "gold". Plans: free, pro, business.',
      );
    });

    it('refuses bad syntax with the usage line', async () => {
      expectRefused(
        await run(ALICE, 'invite zed'),
        'invalid_input',
        '"zed" is not a mention or an email: `invite <who>... [as admin|member] [plan <plan>]`.',
      );
    });
  });

  describe('assign, unassign, renew', () => {
    it('assigns a free seat, then moves to another plan', async () => {
      expectOk(await run(BOB, 'assign erin@example.com pro'), 'erin@example.com now has a Pro seat.');
      expect((await inbox(db, ERIN)).map((n) => n.text)).toEqual([
        'You now have a Pro seat in Acme (from bob@example.com).',
      ]);
      expectOk(
        await run(BOB, 'ASSIGN Erin@Example.com Business'),
        'erin@example.com now has a Business seat (was Pro).',
      );
    });

    it('refuses the same plan, an unknown person, free, and when no seat is left', async () => {
      expectRefused(
        await run(BOB, 'assign erin@example.com business'),
        'already_has_seat',
        'erin@example.com already has a Business seat. Nothing to do.',
      );
      expectRefused(
        await run(BOB, 'assign zed@example.com pro'),
        'not_found',
        'zed@example.com is not a member of Acme. Invite them first with `invite`.',
      );
      expectRefused(await run(BOB, 'assign erin@example.com free'), 'invalid_input', /^Free needs no seat\./);
      // pro: 4 seats for carol, dave, frank, and one left
      expectOk(await run(BOB, 'assign bob@example.com pro'));
      expectRefused(await run(BOB, 'assign alice@example.com pro'), 'no_free_seat');
    });

    it('unassign shows what stops working and asks first', async () => {
      const r = expectOk(
        await run(ALICE, 'unassign carol@example.com'),
        'Move carol@example.com from Pro to Free?',
      );
      // carol's Pro seat gives exports and branding, which free has not
      expect(r.sections).toEqual([
        { title: 'What changes', lines: ['No more access to: exports, branding'] },
      ]);
      expect(r.buttons).toEqual([
        {
          label: 'Move to Free',
          action: 'unassign.confirm',
          payload: { organizationId: orgId, member: CAROL },
          style: 'danger',
          confirm: {
            title: 'Remove the plan?',
            text: 'No more access to: exports, branding',
            confirm: 'Move to Free',
            deny: 'Cancel',
          },
        },
      ]);
      expectOk(
        await press(db, ALICE, r.buttons![0]),
        'carol@example.com is on Free now; their Pro seat is free for someone else.',
      );
      expectOk(
        await run(CAROL, 'status'),
        'You are a member of Acme on the Free plan. Need more seats? Ask with `add <n> <plan>`.',
      );
      // pressing again: nothing left to remove
      expectRefused(
        await press(db, ALICE, r.buttons![0]),
        'conflict',
        'carol@example.com is already on the Free plan. Nothing to do.',
      );
    });

    it('renew turns a seat off and on', async () => {
      expectOk(
        await run(BOB, 'renew dave@example.com off'),
        "dave@example.com's Pro seat stays usable until 2026-04-01, then it is not renewed or billed.",
      );
      const members = expectOk(await run(BOB, 'members'));
      expect(members.sections?.[0]?.lines).toContain('dave@example.com — member, Pro (not renewing)');
      expectRefused(
        await run(BOB, 'renew dave@example.com off'),
        'conflict',
        'Auto-renew is already off for dave@example.com. Nothing to do.',
      );
      expectOk(
        await run(BOB, 'renew dave@example.com ON'),
        "dave@example.com's Pro seat renews on 2026-04-01.",
      );
      expectRefused(
        await run(BOB, 'renew carol@example.com off'),
        'conflict',
        'carol@example.com has no seat. Assign one with `assign`.',
      );
    });
  });

  describe('roles and settings', () => {
    it('role makes an admin, an approver, and back', async () => {
      expectOk(await run(BOB, 'role frank@example.com admin'), 'frank@example.com is now an admin.');
      expectOk(
        await run(ALICE, 'role frank@example.com approver'),
        'frank@example.com is now a billing approver.',
      );
      expectOk(
        await run(ALICE, 'role frank@example.com not-approver'),
        'frank@example.com is no longer a billing approver.',
      );
      expectOk(await run(BOB, 'role frank@example.com member'), 'frank@example.com is now a member.');
    });

    it('role refuses the owner, an approver who is not admin, a repeat, and an admin naming approvers', async () => {
      expectRefused(
        await run(BOB, 'role alice@example.com member'),
        'conflict',
        'alice@example.com is the owner. Move ownership with `owner <who>` first.',
      );
      expectRefused(
        await run(ALICE, 'role carol@example.com approver'),
        'conflict',
        'carol@example.com is not an admin. Make them admin first: `role carol@example.com admin`.',
      );
      expectRefused(
        await run(ALICE, 'role carol@example.com member'),
        'conflict',
        'carol@example.com already has that role. Nothing to do.',
      );
      expectRefused(
        await run(BOB, 'role bob@example.com not-approver'),
        'forbidden',
        'You are an admin: that is not yours to do. Only the owner manages billing; ask them.',
      );
    });

    it('autoassign on and off', async () => {
      expectOk(
        await run(BOB, 'autoassign on'),
        'Auto-assign is on: a member who first uses a paid feature gets a free seat of the cheapest plan that has it.',
      );
      expect((await run(BOB, 'status')).fields).toEqual([{ label: 'Auto-assign', value: 'on' }]);
      expectRefused(
        await run(BOB, 'autoassign on'),
        'conflict',
        'That is already the setting. Nothing to do.',
      );
      expectOk(await run(ALICE, 'AUTOASSIGN off'), 'Auto-assign is off: seats are given with `assign`.');
    });

    it('edition and modules (owner)', async () => {
      expectOk(await run(ALICE, 'edition Plus'), 'The edition is now plus.');
      expectRefused(
        await run(ALICE, 'edition plus'),
        'conflict',
        'Acme is already on the plus edition. Editions: standard, plus.',
      );
      expectRefused(
        await run(ALICE, 'edition gold'),
        'invalid_input',
        'There is no edition called "gold". Editions: standard, plus.',
      );
      expectOk(await run(ALICE, 'module add SSO'), 'The sso module is added.');
      expectRefused(
        await run(ALICE, 'module add sso'),
        'conflict',
        /^Single sign-on is already on for Acme\./,
      );
      expectOk(await run(ALICE, 'module remove sso'), 'The sso module is removed.');
      expectRefused(await run(ALICE, 'module remove sso'), 'conflict', /nothing to remove/);
      expectRefused(
        await run(ALICE, 'module add fax'),
        'invalid_input',
        'There is no module called "fax". Modules: sso, audit-export, integrations.',
      );
      expectRefused(await run(BOB, 'edition standard'), 'forbidden');
    });

    it('billing shows a form; a valid submission saves, a bad field is named', async () => {
      const r = expectOk(await run(ALICE, 'billing'), 'Acme has no billing details yet.');
      expect(r.form).toMatchObject({
        action: 'billing.submit',
        title: 'Billing details',
        submitLabel: 'Save',
        payload: { organizationId: orgId },
      });
      expect(r.form!.fields.map((f) => [f.name, f.type, f.required ?? false, f.initial])).toEqual([
        ['company', 'text', true, 'Acme'],
        ['email', 'email', true, ''],
        ['country', 'text', true, ''],
        ['vatId', 'text', false, ''],
        ['address', 'textarea', false, ''],
      ]);
      const bad = expectRefused(
        await act(db, ALICE, 'billing.submit', r.form!.payload, {
          company: 'Acme BV',
          email: 'billing@acme.test',
          country: 'Netherlands',
          vatId: '',
          address: '',
        }),
        'invalid_input',
      );
      expect(bad.text).toMatch(/country/);
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['country']);
      expectOk(
        await act(db, ALICE, 'billing.submit', r.form!.payload, {
          company: 'Acme BV',
          email: 'Billing@Acme.test',
          country: 'nl',
          vatId: 'NL 1234.5678.9B01',
          address: '',
        }),
        'Billing details saved.',
      );
      const again = expectOk(
        await run(ALICE, 'billing'),
        'Billing details of Acme: Acme BV, billing@acme.test, NL, VAT NL123456789B01.',
      );
      expect(again.form!.fields.find((f) => f.name === 'country')?.initial).toBe('NL');
    });
  });

  describe('buying seats', () => {
    it("an approver's own request asks for confirmation, and is charged once", async () => {
      const r = expectOk(await run(ALICE, 'add 2 pro'), 'Buy 2 Pro seats?');
      expect(r.fields).toEqual([
        { label: 'Charged now (prorated)', value: '€30.00' },
        { label: 'New recurring total', value: '€180.00 per month' },
        { label: 'Quote valid until', value: 'Mar 2, 00:00 UTC' },
      ]);
      expect(r.buttons?.map((b) => [b.label, b.action, b.style])).toEqual([
        ['Confirm purchase', 'purchase.approve', 'primary'],
        ['Cancel', 'purchase.reject', undefined],
      ]);
      expectOk(
        await press(db, ALICE, r.buttons![0]),
        'Approved: 2 Pro seats added, €30.00 charged. The requester is told.',
      );
      expectOk(
        await press(db, ALICE, r.buttons![0]),
        'Already decided: 2 Pro seats approved and paid by alice@example.com. Nothing changed.',
      );
      expectOk(await press(db, ALICE, r.buttons![1]), /^Already decided: 2 Pro seats approved and paid/);
      expect((await run(ALICE, 'status')).sections?.[0]?.lines[0]).toMatch(/^Pro: 6 purchased, /);
    });

    it("a member's request goes to the approvers; a second approver's click changes nothing", async () => {
      db.clock.advance(15 * 24 * 3600 * 1000);
      await drain(db, ALICE, BOB, CAROL);
      const r = expectOk(
        await run(CAROL, 'add business 1'),
        "Your request for 1 Business seat went to 2 approvers. You'll hear when it is decided.",
      );
      expect(r.buttons).toBeUndefined();
      expect(r.fields?.[0]?.label).toBe('Charged now (prorated)');
      const forBob = await approvalNotice(db, BOB, 'carol@example.com asks for 1 Business seat');
      expect(forBob.text).toBe('carol@example.com asks for 1 Business seat in Acme.');
      expect(forBob.buttons?.map((b) => [b.label, b.action])).toEqual([
        ['Approve', 'purchase.approve'],
        ['Reject', 'purchase.reject'],
      ]);
      expect(forBob.buttons![1]!.confirm).toBeDefined();
      const forAlice = await approvalNotice(db, ALICE, 'carol@example.com asks for 1 Business seat');
      // the member may not approve their own request
      expectRefused(
        await press(db, CAROL, forBob.buttons![0]),
        'forbidden',
        /^You are a member: that is not yours to do\./,
      );
      const approved = expectOk(await press(db, BOB, forBob.buttons![0]));
      expect(approved.text).toMatch(
        /^Approved: 1 Business seat added, €\d+\.\d\d charged\. The requester is told\.$/,
      );
      expectOk(
        await press(db, ALICE, forAlice.buttons![0]),
        'Already decided: 1 Business seat approved and paid by bob@example.com. Nothing changed.',
      );
      // the result and its receipt (queued in the same instant: in either order)
      expect((await inbox(db, CAROL)).map((n) => n.text).sort()).toEqual([
        expect.stringMatching(/^Approved and paid: 1 Business seat added to Acme \(€\d+\.\d\d\)\.$/),
        'Receipt for Acme: 1 Business seat.\nAsked by carol@example.com\nApproved by bob@example.com',
      ]);
    });

    it('an approver can reject; the requester is told why', async () => {
      await drain(db, ERIN);
      expectOk(await run(ERIN, 'add 1 pro'));
      const notice = await approvalNotice(db, BOB, 'erin@example.com asks for 1 Pro seat');
      expectOk(
        await press(db, BOB, notice.buttons![1], { reason: 'Use a free seat' }),
        'Rejected: 1 Pro seat. The requester is told.',
      );
      expect((await inbox(db, ERIN)).map((n) => n.text)).toEqual([
        'bob@example.com rejected 1 Pro seat in Acme: Use a free seat',
      ]);
      expectOk(
        await press(db, ALICE, notice.buttons![0]),
        /^Already decided: 1 Pro seat rejected by bob@example\.com/,
      );
    });

    it('requests shows pending ones with Approve / Reject to an approver', async () => {
      expectOk(await run(CAROL, 'add 1 pro'));
      const r = expectOk(await run(BOB, 'requests'));
      expect(r.text).toMatch(/^6 seat purchase requests, page 1 of 2:$/);
      // five a page; the rest on the next, reached by its button or `requests --page 2` (requests
      // made in one frozen instant are ordered by id, so Carol's may be on either page)
      expect(r.sections?.[0]?.lines).toHaveLength(5);
      const next = expectOk(await run(BOB, 'requests --page 2'));
      expect(next.sections?.[0]?.lines).toHaveLength(1);
      const all = [...r.sections![0]!.lines, ...next.sections![0]!.lines];
      expect(all).toContainEqual(
        expect.stringMatching(
          /^1 Pro seat for €\d+\.\d\d — asked by carol@example\.com on Mar 1, 00:00 UTC, waiting for an approver, open until Mar 8, 00:00 UTC$/,
        ),
      );
      expect(all).toContainEqual(
        expect.stringMatching(
          /^1 Pro seat for €\d+\.\d\d — asked by erin@example\.com on Mar 1, 00:00 UTC, rejected by bob@example\.com$/,
        ),
      );
      // the pending request's buttons are on its page; each page links to the other
      expect([...r.buttons!, ...next.buttons!].map((b) => b.label).sort()).toEqual(
        ['Approve 1 Pro', 'Page 2 of 2 ▶', 'Reject 1 Pro', '◀ Page 1'].sort(),
      );
      expect(r.buttons?.at(-1)).toMatchObject({
        action: 'list.page',
        payload: { list: 'requests', page: 2 },
      });
      expect(next.buttons?.at(-1)?.label).toBe('◀ Page 1');
      const mine = expectOk(await run(CAROL, 'requests'), '2 seat purchase requests:');
      expect(mine.buttons).toEqual([]);
    });

    it('a request nobody answers closes after a week: approving then charges nothing', async () => {
      expectOk(await run(CAROL, 'add 2 business'));
      const notice = await approvalNotice(db, BOB, 'carol@example.com asks for 2 Business seats');
      db.clock.advance(7 * 24 * 3600 * 1000);
      expectRefused(
        await press(db, BOB, notice.buttons![0]),
        'quote_expired',
        'The quote for 2 Business seats expired, so nothing was charged. Ask again with `add 2 business`.',
      );
    });

    it('add alone opens the purchase form; submitting it gives the quote', async () => {
      const r = expectOk(await run(CAROL, 'add'), 'Buy seats');
      expect(r.form).toMatchObject({
        action: 'purchase.form',
        submitLabel: 'Get a quote',
        payload: { organizationId: orgId },
      });
      expect(r.form!.fields).toEqual([
        {
          name: 'plan',
          label: 'Plan',
          type: 'select',
          required: true,
          options: [
            { value: 'pro', label: 'Pro' },
            { value: 'business', label: 'Business' },
          ],
        },
        {
          name: 'quantity',
          label: 'Number of seats',
          type: 'number',
          required: true,
          min: 1,
          max: 10_000,
          initial: 1,
        },
      ]);
      expectOk(
        await act(db, ALICE, 'purchase.form', r.form!.payload, { plan: 'pro', quantity: 1 }),
        'Buy 1 Pro seat?',
      );
      const bad = expectRefused(
        await act(db, ALICE, 'purchase.form', r.form!.payload, { plan: 'pro', quantity: 0 }),
        'invalid_input',
      );
      expect(bad.fieldErrors).toEqual({ quantity: 'Enter 1 to 10,000.' });
      expectRefused(
        await act(db, ALICE, 'purchase.form', r.form!.payload, { quantity: 2 }),
        'invalid_input',
        'Pick a plan.',
      );
    });

    it('refuses free and unknown plans, and bad numbers', async () => {
      expectRefused(
        await run(CAROL, 'add 1 free'),
        'invalid_input',
        'Free is free and needs no seats. Ask for a paid plan, e.g. `add 1 pro`.',
      );
      expectRefused(
        await run(CAROL, 'add 1 gold'),
        'not_found',
        'There is no plan called "gold". Plans: free, pro, business.',
      );
      expectRefused(
        await run(CAROL, 'add 0 pro'),
        'invalid_input',
        'The number of seats must be from 1 to 10,000.',
      );
    });

    it('refuses a button with a broken or unknown request id', async () => {
      expectRefused(
        await act(db, BOB, 'purchase.approve', { requestId: 'nope' }),
        'invalid_input',
        /requestId/,
      );
      expectRefused(
        await act(db, BOB, 'purchase.approve', { requestId: '00000000-0000-4000-8000-000000000000' }),
        'not_found',
        'There is no such purchase request. See open requests with `requests`.',
      );
    });
  });

  describe('contracts bought outside chat', () => {
    it('contract key, connect and disconnect', async () => {
      expectRefused(await run(ALICE, 'contract key'), 'not_found', /^You manage no contract that is waiting/);
      await createExternalContract(db.ctx, {
        managerEmail: ALICE,
        period: 'year',
        plans: [{ plan: 'pro', quantity: 5 }],
      });
      const k = expectOk(await run(ALICE, 'contract key'));
      const key = /^Connection key: `(ck_[a-z2-7]{32})`$/.exec(k.text)?.[1];
      expect(key).toBeDefined();
      expect(k.private).toBe(true);
      expect(k.fields).toEqual([
        { label: 'Valid until', value: '2026-03-08' },
        {
          label: 'Next',
          value: 'Share it with the organization admin; they type `contract connect <key>`. It works once.',
        },
      ]);
      expectRefused(
        await run(BOB, 'contract connect ck_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
        'key_invalid',
        'That connection key is unknown or has expired. Ask the contract manager for a new key (`contract key`) and try again.',
      );
      expectRefused(await run(BOB, 'contract connect 1234'), 'key_invalid', /^That is not a connection key/);
      expectOk(
        await run(BOB, `contract connect ${key}`),
        'The contract is connected to Acme: its plans can now be assigned (see `status`).',
      );
      expectRefused(await run(BOB, `contract connect ${key}`), 'key_invalid');
      const s = expectOk(await run(BOB, 'status'));
      expect(s.sections?.[0]?.lines).toContainEqual(
        expect.stringMatching(
          /^Pro: 5 purchased, 0 assigned, 5 free, 0 ending — renews \d{4}-\d\d-\d\d \(connected contract\)$/,
        ),
      );
      expectOk(
        await run(BOB, 'contract disconnect'),
        'The contract is disconnected from Acme. Its seats stay as they are, but plans can no longer change.',
      );
      expectRefused(
        await run(BOB, 'contract disconnect'),
        'not_found',
        /^Acme has no connected contract to disconnect\./,
      );
    });
  });

  describe('offboarding', () => {
    it('offboard alone opens the form with the active members except the owner', async () => {
      const r = expectOk(await run(BOB, 'offboard'), 'Pick the leavers and what happens to their seats.');
      expect(r.private).toBe(true);
      expect(r.form).toMatchObject({
        action: 'offboard.submit',
        title: 'Offboard leavers',
        submitLabel: 'Offboard',
        payload: { organizationId: orgId },
      });
      const [leavers, freeSeat, stopAutoRenew, markFormer] = r.form!.fields;
      expect(leavers).toMatchObject({
        name: 'members',
        type: 'people',
        search: 'offboard.leavers',
        required: true,
        initial: [],
      });
      expect(leavers!.options?.map((o) => o.value)).not.toContain(ALICE);
      expect(leavers!.options).toContainEqual({ value: DAVE, label: 'dave@example.com (Pro)' });
      expect([freeSeat, stopAutoRenew, markFormer].map((f) => [f!.name, f!.type, f!.initial])).toEqual([
        ['freeSeat', 'checkbox', true],
        ['stopAutoRenew', 'checkbox', false],
        ['markFormer', 'checkbox', false],
      ]);
    });

    it('offboard with names preselects them', async () => {
      const r = expectOk(
        await run(BOB, 'offboard Dave@Example.com, <@U_CAROL>'),
        'Offboard dave@example.com, carol@example.com? Check the options and submit.',
      );
      expect(r.form!.fields[0]!.initial).toEqual([DAVE, CAROL]);
    });

    it('refuses the owner, all or nothing', async () => {
      const before = await db.counts();
      expectRefused(
        await act(db, BOB, 'offboard.submit', { organizationId: orgId }, { members: [DAVE, ALICE] }),
        'owner_cannot_leave',
        'alice@example.com owns Acme and cannot be offboarded. Move ownership first with `owner <who>`.',
      );
      expectRefused(
        await act(db, BOB, 'offboard.submit', { organizationId: orgId }, { members: [] }),
        'invalid_input',
        /pick at least one leaver/,
      );
      expect(await db.counts()).toEqual(before);
      expectOk(await run(DAVE, 'status'));
    });

    it('submitting offboards two at once; they can no longer use the bot there', async () => {
      const r = expectOk(
        await act(
          db,
          BOB,
          'offboard.submit',
          { organizationId: orgId },
          {
            members: [DAVE, FRANK],
            freeSeat: true,
            stopAutoRenew: false,
            markFormer: true,
          },
        ),
        'Offboarded 2 people. Their data stays.',
      );
      expect(r.sections).toEqual([
        {
          title: 'Offboarded',
          lines: [
            'dave@example.com: can no longer sign in; Pro seat freed',
            'frank@example.com: can no longer sign in; Pro seat freed',
          ],
        },
      ]);
      expect((await inbox(db, DAVE)).map((n) => n.text)).toEqual([
        'You were offboarded from Acme. You can no longer sign in there; your data stays.',
      ]);
      expectRefused(
        await run(DAVE, 'status'),
        'detached',
        'Your access to Acme was removed. Ask an admin if this is a mistake.',
      );
      expectRefused(await run(DAVE, 'add 1 pro'), 'detached');
      const members = expectOk(await run(BOB, 'members'));
      expect(members.sections?.[0]?.lines.join('\n')).not.toContain(DAVE);
      // `--former` lists the former members only, not everyone again
      const former = expectOk(await run(BOB, 'members --former'), 'Acme has 2 former members.');
      expect(former.sections).toEqual([
        {
          title: 'Former members (2)',
          lines: [
            'dave@example.com — member, Free, offboarded, former',
            'frank@example.com — member, Free, offboarded, former',
          ],
        },
      ]);
      expectRefused(
        await act(db, BOB, 'offboard.submit', { organizationId: orgId }, { members: DAVE }),
        'conflict',
        'dave@example.com is already offboarded. Remove them from the list and try again.',
      );
      expectRefused(
        await run(BOB, 'assign dave@example.com pro'),
        'detached',
        /^dave@example\.com was offboarded\./,
      );
    });
  });

  describe('cancel and undo', () => {
    it('cancel asks first; confirming keeps access until the period ends; undo takes it back', async () => {
      const r = expectOk(await run(ALICE, 'cancel'));
      expect(r.text).toBe(
        'Cancel your subscription? Everyone keeps access until the paid-through date, then members return to their own plans. You can undo it until then with `cancel undo`.',
      );
      expect(r.buttons).toEqual([
        {
          label: 'Cancel subscription',
          action: 'org.cancel.confirm',
          payload: { organizationId: orgId },
          style: 'danger',
          confirm: {
            title: 'Cancel the subscription?',
            text: 'Access stays until the paid-through date.',
            confirm: 'Cancel it',
            deny: 'Keep it',
          },
        },
      ]);
      expectRefused(
        await run(ALICE, 'cancel undo'),
        'conflict',
        'Acme is not cancelled, so there is nothing to undo. To cancel the organization, use `cancel`.',
      );
      expectOk(
        await press(db, ALICE, r.buttons![0]),
        'Cancelled. Everyone keeps access until 2026-04-01; `cancel undo` takes it back until then.',
      );
      expect((await run(ALICE, 'status')).fields).toContainEqual({
        label: 'Cancellation',
        value: 'Cancelled: access until 2026-04-01.',
      });
      expectRefused(await run(CAROL, 'add 1 pro'), 'organization_closed', /`cancel undo`/);
      expectRefused(
        await press(db, ALICE, r.buttons![0]),
        'conflict',
        /^Acme is already cancelled; access lasts until 2026-04-01\./,
      );
      expectOk(
        await run(ALICE, 'Cancel Undo'),
        'The cancellation is undone: the subscription renews as before.',
      );
    });
  });

  describe('personal plan and new organizations', () => {
    const IVY = 'ivy@example.com';

    it('org create refuses a free or solo creator with an Upgrade to Business button', async () => {
      await upsertAccount(db.ctx, { email: IVY, personalPlan: 'solo', paymentMethod: 'pm_card_visa' });
      const r = expectRefused(
        await run(IVY, 'org create "Ivy Labs" yearly'),
        'needs_business_plan',
        'You are on the solo plan; creating an organization needs the business plan. Upgrade to Business first (`upgrade`), then create the organization.',
      );
      expect(r.buttons).toEqual([
        { label: 'Upgrade to Business', action: 'personal.upgrade', payload: {}, style: 'primary' },
      ]);
      expectOk(
        await press(db, IVY, r.buttons![0]),
        'You are on the Business plan now (€30.00 a month, charged to you). Create your organization with `org create <name>`.',
      );
      expectRefused(
        await run(IVY, 'upgrade'),
        'conflict',
        'You are already on the business plan. Go ahead: `org create <name>`.',
      );
      expectOk(
        await run(IVY, 'org create "Ivy Labs" yearly'),
        'Ivy Labs is created. You are its owner, on a Business seat the organization pays for; your own plan is paused. The first year (€300.00) is charged to your payment method. Invite people with `invite <who>`.',
      );
      expectOk(await run(IVY, 'status'), 'Ivy Labs: 1 of 1 seats assigned, 0 free.');
    });

    it('upgrade needs a payment method; org create refuses a one-letter name', async () => {
      expectRefused(
        await run(ERIN, 'upgrade'),
        'needs_payment_method',
        /^There is no payment method on file for you\./,
      );
      expectRefused(await run(ALICE, 'org create X'), 'invalid_input', /name .*at least 2 characters/);
    });
  });

  describe('buttons', () => {
    it('refuses an unknown action, and answers noop', async () => {
      expectRefused(
        await act(db, ALICE, 'org.explode', {}),
        'invalid_input',
        'That button is no longer valid. Run the command again.',
      );
      expectRefused(await act(db, ALICE, 'constructor', {}), 'invalid_input');
      expectOk(await act(db, ALICE, 'noop', {}), 'OK.');
    });
  });
});

describe('ownership and deleting an organization', () => {
  let db: TestDb;
  const run = (who: string, text: string) => say(db, who, text);

  beforeAll(async () => {
    db = await freshDb();
    await seedDemo(db.ctx);
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    logged = [];
  });
  afterEach(() => {
    expect(logged, 'errors logged by the dispatcher').toEqual([]);
  });

  it('owner hands the organization over; the old owner stays admin and approver', async () => {
    expectRefused(
      await run(ALICE, 'owner alice@example.com'),
      'conflict',
      'You already own it. Nothing to do.',
    );
    expectRefused(
      await run(ALICE, 'owner frank@example.com'),
      'not_found',
      /^frank@example\.com is not a member of Acme\./,
    );
    expectOk(
      await run(ALICE, 'owner bob@example.com'),
      'bob@example.com now owns Acme. You stay on as an admin and approver.',
    );
    expect((await inbox(db, BOB)).map((n) => n.text)).toEqual([
      'bob@example.com now owns Acme (handed over by alice@example.com).',
    ]);
    const m = expectOk(await run(ALICE, 'members'));
    expect(m.sections?.[0]?.lines.slice(0, 2)).toEqual([
      'bob@example.com — owner, Free',
      'alice@example.com — admin (approver), Business',
    ]);
    expectRefused(
      await run(ALICE, 'owner carol@example.com'),
      'forbidden',
      /Only the owner can hand ownership over\./,
    );
  });

  it('org delete asks for the name typed back', async () => {
    const orgId = await organizationId(db);
    const r = expectOk(
      await run(BOB, 'org delete'),
      'Delete Acme? Every member returns to their own plan and its seats end. This cannot be undone.',
    );
    expect(r.form).toEqual({
      action: 'org.delete.confirm',
      title: 'Delete Acme',
      submitLabel: 'Delete organization',
      payload: { organizationId: orgId },
      fields: [{ name: 'confirmName', label: 'Type Acme to confirm', type: 'text', required: true }],
    });
    const before = await db.counts();
    expectRefused(
      await act(db, BOB, 'org.delete.confirm', r.form!.payload, { confirmName: 'acme' }),
      'invalid_input',
      '"acme" is not the organization\'s name. Type Acme exactly to confirm.',
    );
    expectRefused(
      await act(db, ALICE, 'org.delete.confirm', r.form!.payload, { confirmName: 'Acme' }),
      'forbidden',
    );
    expect(await db.counts()).toEqual(before);
    expectOk(
      await act(db, BOB, 'org.delete.confirm', r.form!.payload, { confirmName: 'Acme' }),
      'Acme is deleted. 5 members went back to their own plans.',
    );
    expect((await inbox(db, CAROL)).map((n) => n.text)).toEqual([
      'Acme was deleted. You are back on your own free plan.',
    ]);
    expectRefused(await run(CAROL, 'status'), 'not_found', /^You are not in an organization yet\./);
  });
});

describe('runCommand on any input (fuzz, real database, as carol)', () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await freshDb();
    await seedDemo(db.ctx);
  });
  afterAll(() => db?.close());

  const WORDS = [
    ...new Set(SPECS.flatMap((s) => s.name.split(' '))),
    'as',
    'admin',
    'member',
    'approver',
    'not-approver',
    'plan',
    'pro',
    'business',
    'free',
    'gold',
    'on',
    'off',
    'undo',
    'sso',
    'plus',
    'yearly',
    '--former',
    ALICE,
    BOB,
    CAROL,
    DAVE,
    ERIN,
    FRANK,
    'zed@example.com',
    '<@U_CAROL|carol>',
    '<@U_NOBODY>',
    'ck_abcdefghijklmnopqrstuvwxyz234567',
    '"Acme Sales"',
  ];
  const token = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.integer({ min: -2, max: 12_000 }).map(String) },
    { weight: 1, arbitrary: fc.emailAddress() },
    { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  );
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.array(token, { maxLength: 6 }).map((ts) => ts.join(' ')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );

  it('always answers with a one-line Reply; a refusal has a code and is never an internal error', async () => {
    const errors: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const r = await runCommand(contextOf(db, CAROL), text, (e) => errors.push(e));
        expect(r.text.trim().length, JSON.stringify(text)).toBeGreaterThan(0);
        // (Unicode line separators: see the dedicated test below; the tokenizer keeps them today)
        expect(r.text, JSON.stringify(text)).not.toMatch(/[\n\r]/);
        expect(['ok', 'info', 'error']).toContain(r.tone);
        if (r.tone === 'error') {
          expect(r.code, JSON.stringify(text)).toBeTruthy();
          expect(r.code, `${JSON.stringify(text)} → ${r.text}`).not.toBe('internal');
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
    expect(errors).toEqual([]);
  });

  // The tokenizer turns \t \r \n and some Unicode spaces into spaces, but not U+2028, U+2029,
  // \v, \f or U+0085: they stay inside words and come back in the refusal, breaking its line.
  it('never puts a line break from the input into the reply', async () => {
    const broken: string[] = [];
    for (const text of ['foo\u2028bar', 'edition a\u2029b', 'members \u000b', 'audit x\u0085y']) {
      const r = await runCommand(contextOf(db, ALICE), text, log);
      if (/[\n\r\v\f\u0085\u2028\u2029]/.test(r.text))
        broken.push(`${JSON.stringify(text)} → ${JSON.stringify(r.text)}`);
    }
    expect(broken).toEqual([]);
  });

  // `first in PARSERS` follows the prototype chain: "constructor" parses to a nameless command
  // and the dispatcher crashes on it (logged, answered as an internal error).
  it('answers words that are Object.prototype keys as unknown commands', async () => {
    const errors: unknown[] = [];
    const wrong: string[] = [];
    for (const text of ['constructor', 'constructor x', '__proto__']) {
      const r = await runCommand(contextOf(db, CAROL), text, (e) => errors.push(e));
      if (r.code !== 'invalid_input' || !/^Unknown command "(constructor|__proto__)"/.test(r.text))
        wrong.push(`${text} → [${r.code}] ${r.text}`);
    }
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
  });
});
