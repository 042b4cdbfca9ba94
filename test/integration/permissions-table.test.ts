import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { ActionInput } from '../../src/commands/handler.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { createExternalContract } from '../../src/service/create-external-contract.ts';
import { freshDb, TABLES, type TestDb } from '../support/db.ts';

/**
 * Who may do what, through the chat layer: every command (and every button or form) against
 * every kind of person, each on their own copy of the Acme demo so one column's changes never
 * leak into another's. A refusal must be one line with the right code and change nothing at all.
 *
 *   owner       alice  everything
 *   admin       bob    admin and billing approver
 *   admin only  erin   made admin with `role erin admin`, not an approver
 *   member      carol  own plan, asking for seats
 *   detached    dave   offboarded: nothing inside the organization
 *   outsider    frank  not in any organization: the organization does not exist for him
 */

type Person = 'owner' | 'admin' | 'adminOnly' | 'member' | 'detached' | 'outsider';
const PEOPLE: Record<Person, string> = {
  owner: DEMO.owner,
  admin: DEMO.admin,
  adminOnly: DEMO.members[2]!,
  member: DEMO.members[0]!,
  detached: DEMO.members[1]!,
  outsider: DEMO.outsider,
};
const ORDER = Object.keys(PEOPLE) as Person[];

/** 'ok': a real answer (not an error); otherwise the error code expected. */
type Outcome = 'ok' | string;
type Column = Record<Person, Outcome>;

const EVERYONE: Column = {
  owner: 'ok',
  admin: 'ok',
  adminOnly: 'ok',
  member: 'ok',
  detached: 'ok',
  outsider: 'ok',
};
/** view own plan, ask for seats */
const MEMBERS: Column = { ...EVERYONE, detached: 'detached', outsider: 'not_found' };
/** run members and seats */
const ADMINS: Column = { ...MEMBERS, member: 'forbidden' };
/** approve purchases */
const APPROVERS: Column = { ...ADMINS, adminOnly: 'forbidden' };
/** billing, ownership, deleting */
const OWNER: Column = { ...APPROVERS, admin: 'forbidden' };

interface Setup {
  db: TestDb;
  email: string;
  orgId: string;
  /** two pending requests by carol: one to approve, one to reject */
  requestIds: [string, string];
}

interface Row {
  label: string;
  run: (s: Setup) => Promise<Reply>;
  expect: Column;
  /** puts things back for the rows after it (run as another person) */
  restore?: (s: Setup) => Promise<void>;
}

const ctx = (db: TestDb, email: string): CommandContext => ({ service: db.ctx, actor: { email } });
const say = (text: string) => (s: Setup) => runCommand(ctx(s.db, s.email), text);
const press =
  (action: string, input: (s: Setup) => ActionInput) =>
  (s: Setup): Promise<Reply> =>
    runAction(ctx(s.db, s.email), action, input(s));

const BILLING = { company: 'Acme BV', email: 'billing@acme.test', country: 'NL', vatId: '', address: '' };

/** In order: the rows that change things people rely on later come last. */
const ROWS: Row[] = [
  { label: 'help', run: say('help'), expect: EVERYONE },
  { label: 'help add', run: say('help add'), expect: EVERYONE },
  { label: 'plans', run: say('plans'), expect: EVERYONE },
  { label: 'status (members see their own plan)', run: say('status'), expect: MEMBERS },
  { label: 'requests (members see their own)', run: say('requests'), expect: MEMBERS },
  { label: 'add 1 pro', run: say('add 1 pro'), expect: MEMBERS },
  { label: 'add (the purchase form)', run: say('add'), expect: MEMBERS },
  { label: 'members', run: say('members'), expect: ADMINS },
  { label: 'members --former', run: say('members --former'), expect: ADMINS },
  { label: 'audit', run: say('audit'), expect: ADMINS },
  { label: 'audit carol 5', run: say('audit carol@example.com 5'), expect: ADMINS },
  { label: 'invite', run: say('invite newcomer@example.com as member plan pro'), expect: ADMINS },
  { label: 'assign', run: say('assign erin@example.com pro'), expect: ADMINS },
  { label: 'unassign (the preview)', run: say('unassign carol@example.com'), expect: ADMINS },
  { label: 'renew off', run: say('renew carol@example.com off'), expect: ADMINS },
  { label: 'autoassign on', run: say('autoassign on'), expect: ADMINS },
  { label: 'offboard (the form)', run: say('offboard'), expect: ADMINS },
  { label: 'offboard carol (the form, preselected)', run: say('offboard carol@example.com'), expect: ADMINS },
  { label: 'role carol admin', run: say('role carol@example.com admin'), expect: ADMINS },
  { label: 'role erin approver', run: say('role erin@example.com approver'), expect: OWNER },
  {
    label: 'contract connect (a well-formed key nobody issued)',
    run: say('contract connect ck_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    // past the permission check, the key itself is refused
    expect: { ...ADMINS, owner: 'key_invalid', admin: 'key_invalid', adminOnly: 'key_invalid' },
  },
  { label: 'contract disconnect', run: say('contract disconnect'), expect: ADMINS },
  { label: 'edition plus', run: say('edition plus'), expect: OWNER },
  { label: 'module add sso', run: say('module add sso'), expect: OWNER },
  { label: 'billing (details and form)', run: say('billing'), expect: OWNER },
  { label: 'cancel (the confirmation)', run: say('cancel'), expect: OWNER },
  { label: 'org delete (the form)', run: say('org delete'), expect: OWNER },
  {
    label: 'cancel undo (nothing to undo)',
    run: say('cancel undo'),
    expect: { ...OWNER, owner: 'conflict' },
  },
  {
    label: 'button: approve a purchase',
    run: press('purchase.approve', (s) => ({ payload: { requestId: s.requestIds[0] } })),
    expect: APPROVERS,
  },
  {
    label: 'button: reject a purchase',
    run: press('purchase.reject', (s) => ({ payload: { requestId: s.requestIds[1] } })),
    expect: APPROVERS,
  },
  {
    label: 'button: move to free',
    run: press('unassign.confirm', (s) => ({
      payload: { organizationId: s.orgId, member: DEMO.members[0]! },
    })),
    expect: ADMINS,
  },
  {
    label: 'form: billing details',
    run: press('billing.submit', (s) => ({ payload: { organizationId: s.orgId }, values: BILLING })),
    expect: OWNER,
  },
  {
    label: 'owner carol',
    run: say('owner carol@example.com'),
    expect: OWNER,
    restore: async (s) => {
      const r = await runCommand(ctx(s.db, DEMO.members[0]!), 'owner alice@example.com');
      expect(r.tone, r.text).toBe('ok');
    },
  },
  {
    label: 'button: cancel the subscription',
    run: press('org.cancel.confirm', (s) => ({ payload: { organizationId: s.orgId } })),
    expect: OWNER,
  },
  {
    label: 'form: offboard carol',
    run: press('offboard.submit', (s) => ({
      payload: { organizationId: s.orgId },
      values: { members: [DEMO.members[0]!], freeSeat: true },
    })),
    expect: ADMINS,
  },
  {
    label: 'form: delete the organization',
    run: press('org.delete.confirm', (s) => ({
      payload: { organizationId: s.orgId },
      values: { confirmName: DEMO.organization },
    })),
    expect: OWNER,
  },
];

/** Row counts and a digest of every row of every table: any change shows. */
const snapshot = async (db: TestDb) => {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [row] = await db.em
      .fork()
      .execute<{ n: number; h: string }[]>(
        `select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${t} x`,
      );
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
};

/** One column: a fresh Acme with erin made admin, dave offboarded, two requests by carol pending. */
const prepare = async (email: string): Promise<Setup> => {
  const db = await freshDb();
  await seedDemo(db.ctx);
  const alice = ctx(db, DEMO.owner);
  const ok = async (r: Promise<Reply>) => {
    const reply = await r;
    expect(reply.tone, `${reply.code} ${reply.text}`).not.toBe('error');
    return reply;
  };
  await ok(runCommand(alice, 'role erin@example.com admin'));
  const [{ id: orgId }] = (await db.em
    .fork()
    .execute<{ id: string }[]>(`select id from organization where name = ?`, [DEMO.organization])) as [
    { id: string },
  ];
  await ok(
    runAction(alice, 'offboard.submit', {
      payload: { organizationId: orgId },
      values: { members: [DEMO.members[1]!] },
    }),
  );
  // a contract bought outside chat, connected, so `contract disconnect` has something to do
  await createExternalContract(db.ctx, {
    managerEmail: DEMO.owner,
    period: 'month',
    plans: [{ plan: 'business', quantity: 2 }],
  });
  const key = /`(ck_[a-z2-7]{32})`/.exec((await ok(runCommand(alice, 'contract key'))).text)![1]!;
  await ok(runCommand(alice, `contract connect ${key}`));
  const carol = ctx(db, DEMO.members[0]!);
  await ok(runCommand(carol, 'add 1 pro'));
  await ok(runCommand(carol, 'add 1 business'));
  const pending = await db.em
    .fork()
    .execute<{ id: string }[]>(`select id from purchase_request where status = 'pending' order by plan_code`);
  expect(pending).toHaveLength(2);
  const members = await ok(runCommand(alice, 'members'));
  expect(members.sections?.[0]?.lines).toEqual(
    expect.arrayContaining([
      'bob@example.com — admin (approver), Free',
      'erin@example.com — admin, Free',
      'carol@example.com — member, Pro',
      'dave@example.com — member, Free, offboarded',
    ]),
  );
  return { db, email, orgId, requestIds: [pending[0]!.id, pending[1]!.id] };
};

describe('permission table: commands × people', () => {
  const setups = {} as Record<Person, Setup>;

  beforeAll(async () => {
    for (const p of ORDER) setups[p] = await prepare(PEOPLE[p]);
  }, 180_000);
  afterAll(async () => {
    for (const s of Object.values(setups)) await s.db.close();
  });

  it.each(ROWS.map((r) => [r.label, r] as const))('%s', async (_label, row) => {
    const wrong: string[] = [];
    for (const p of ORDER) {
      const s = setups[p];
      const want = row.expect[p];
      const before = want === 'ok' ? null : { counts: await s.db.counts(), rows: await snapshot(s.db) };
      const r = await row.run(s);
      const got = r.tone === 'error' ? (r.code ?? 'error') : 'ok';
      const line = `${p} (${s.email}): expected ${want}, got ${got}: ${r.text}`;
      if (got !== want) {
        wrong.push(line);
        if (got === 'ok') await row.restore?.(s);
        continue;
      }
      // every answer is one non-empty line; a refusal is private and changes nothing at all
      expect(r.text.trim().length, line).toBeGreaterThan(0);
      expect(r.text, line).not.toMatch(/[\n\r]/);
      if (before) {
        expect(r.private, line).toBe(true);
        expect(await s.db.counts(), `${line}: row counts changed`).toEqual(before.counts);
        expect(await snapshot(s.db), `${line}: rows changed`).toEqual(before.rows);
        // an outsider learns nothing about Acme, not even that it exists
        if (p === 'outsider') expect(r.text, line).not.toContain(DEMO.organization);
      } else {
        await row.restore?.(s);
      }
    }
    expect(wrong, 'cells that disagree with the table').toEqual([]);
  });

  it("billing details are shown to the owner only (they hold the company's email, address, VAT id)", async () => {
    const { db, orgId } = setups.member;
    const saved = await runAction(ctx(db, DEMO.owner), 'billing.submit', {
      payload: { organizationId: orgId },
      values: { ...BILLING, vatId: 'NL123456789B01', address: '1 Secret Lane' },
    });
    expect(saved.tone, saved.text).toBe('ok');
    const seen: string[] = [];
    for (const who of [DEMO.admin, DEMO.members[0]!, DEMO.members[1]!]) {
      const r = await runCommand(ctx(db, who), 'billing');
      const shown = JSON.stringify(r);
      if (shown.includes('billing@acme.test') || shown.includes('1 Secret Lane'))
        seen.push(`${who}: ${r.text}`);
    }
    expect(seen, 'people who saw the billing details').toEqual([]);
  });

  it('refusals say why and what to do next', async () => {
    const refusal = (p: Person, text: string) => runCommand(ctx(setups[p].db, PEOPLE[p]), text);
    expect((await refusal('member', 'members')).text).toBe(
      'You are a member: that is not yours to do. Ask an admin; members can see their own plan with `status`.',
    );
    expect((await refusal('adminOnly', 'edition standard')).text).toBe(
      'You are an admin: that is not yours to do. Only the owner manages billing; ask them.',
    );
    expect((await refusal('detached', 'members')).text).toBe(
      'Your access to Acme was removed. Ask an admin if this is a mistake.',
    );
    expect((await refusal('outsider', 'members')).text).toBe(
      'You are not in an organization yet. Create one with `org create <name>`, or ask an admin to invite you.',
    );
  });
});
