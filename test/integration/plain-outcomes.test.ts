import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * Outcomes that used to surprise people, each as a person meets it in chat, on the Acme demo
 * (alice owner, bob admin + approver, carol and dave on Pro, erin on Free; Pro has 2 free seats).
 */
const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const CAROL = DEMO.members[0]!;

const labels = (r: Reply) => (r.buttons ?? []).map((b) => b.label);
const button = (r: Reply, label: string) => {
  const b = r.buttons?.find((x) => x.label === label);
  expect(b, `a "${label}" button among ${labels(r).join(', ')}`).toBeDefined();
  return b!;
};

describe('outcomes people understand', () => {
  let db: TestDb;
  let chat: ReturnType<typeof chatOn>;
  let logged: unknown[];

  beforeEach(async () => {
    db = await freshDb();
    db.clock.set('2026-03-01T10:17:42Z');
    await seedDemo(db.ctx);
    logged = [];
    chat = chatOn(db, (e) => logged.push(e));
    for (const who of [ALICE, BOB, CAROL]) await chat.inbox(who);
  });
  afterEach(async () => {
    expect(logged).toEqual([]);
    await db.close();
  });

  it('an approver cancelling their own quote hears it cancelled, and nobody is told it was rejected', async () => {
    const quote = await chat.say(ALICE, 'add 2 pro');
    expect(labels(quote)).toEqual(['Confirm purchase', 'Cancel']);
    const cancel = button(quote, 'Cancel');
    const done = await chat.act(ALICE, cancel.action, cancel.payload);
    expect(done.text).toBe('Cancelled: nothing bought, nothing charged.');
    // the quote was only ever alice's: no notice to her or to the other approver
    expect(await chat.inbox(BOB)).toEqual([]);
    expect(await chat.inbox(ALICE)).toEqual([]);
    const list = await chat.say(BOB, 'requests');
    const line = list.sections![0]!.lines.find((l) => l.startsWith('2 Pro seats'));
    expect(line).toBe('2 Pro seats for €30.00 — asked by alice@example.com on Mar 1, 10:17 UTC, cancelled');
    const actions = await db.em
      .fork()
      .execute<{ action: string }[]>(
        `select action from audit_event where action in ('purchase.cancelled', 'purchase.rejected')`,
      );
    expect(actions.map((a) => a.action)).toEqual(['purchase.cancelled']);
  });

  it('a quote nobody confirmed reads as not confirmed, and only its requester gets its buttons', async () => {
    await chat.say(ALICE, 'add 1 business');
    const mine = await chat.say(ALICE, 'requests');
    expect(mine.sections![0]!.lines).toContain(
      '1 Business seat for €30.00 — asked by you on Mar 1, 10:17 UTC, not confirmed yet, quote valid until Mar 2, 10:17 UTC',
    );
    expect(labels(mine)).toEqual(['Confirm 1 Business', 'Cancel 1 Business']);
    // bob approves purchases, but alice's own quote is not his to decide
    const bobs = await chat.say(BOB, 'requests');
    expect(bobs.sections![0]!.lines).toContain(
      '1 Business seat for €30.00 — asked by alice@example.com on Mar 1, 10:17 UTC, not confirmed yet, quote valid until Mar 2, 10:17 UTC',
    );
    expect(labels(bobs)).toEqual([]);
  });

  it('a quote says until when it is open to the minute and what the recurring total is per', async () => {
    const quote = await chat.say(CAROL, 'add 1 pro');
    // waiting for an approver, a request stays open a week
    expect(quote.fields).toContainEqual({ label: 'Open for approval until', value: 'Mar 8, 10:17 UTC' });
    expect(quote.fields?.find((f) => f.label === 'New recurring total')?.value).toMatch(
      /^€\d+\.\d\d per month$/,
    );
    const [ask] = await chat.inbox(BOB);
    expect(ask?.text).toBe('carol@example.com asks for 1 Pro seat in Acme.');
    // a DM knows no reader's zone or today: it says the year and UTC
    expect(ask?.fields).toContainEqual({ label: 'Open until', value: 'Mar 8, 2026, 10:17 UTC' });
    expect(ask?.fields?.find((f) => f.label === 'New recurring total')?.value).toMatch(/ per month$/);
  });

  it('nobody offboards themselves: the admin is told to ask someone else, and nothing changes', async () => {
    const before = await db.counts();
    const orgId = (await chat.say(BOB, 'offboard')).form!.payload.organizationId;
    const r = await chat.act(BOB, 'offboard.submit', { organizationId: orgId! }, { members: [BOB, CAROL] });
    expect(r.tone).toBe('error');
    expect(r.code).toBe('forbidden');
    expect(r.text).toBe(
      "You can't offboard yourself (bob@example.com). Remove yourself from the list; the owner or another admin can offboard you.",
    );
    expect(await db.counts()).toEqual(before);
  });

  it('re-inviting a former approver tells the inviter the approver right does not come back by itself', async () => {
    const orgId = (await chat.say(ALICE, 'offboard')).form!.payload.organizationId;
    expect(
      (await chat.act(ALICE, 'offboard.submit', { organizationId: orgId! }, { members: [BOB] })).tone,
    ).toBe('ok');
    const r = await chat.say(ALICE, 'invite bob@example.com as admin');
    expect(r.text).toMatch(/^Invited 1 person as an admin: bob@example\.com\./);
    expect(r.sections).toEqual([
      {
        title: 'Note',
        lines: [
          'bob@example.com was a billing approver before leaving and comes back without that right: once they have joined, the owner can give it back with `role bob@example.com approver`.',
        ],
      },
    ]);
  });

  it('inviting with a plan that has too few free seats tells the inviter now, with the purchase to make', async () => {
    const r = await chat.say(ALICE, 'invite x@example.com y@example.com z@example.com plan pro');
    expect(r.text).toMatch(/^Invited 3 people as members with a Pro seat: /);
    expect(r.sections).toEqual([
      {
        title: 'Note',
        lines: [
          'Only 2 Pro seats are free right now: 1 person will join on Free unless seats free up. Buy one with `add 1 pro`.',
        ],
      },
    ]);
    // enough free seats: no note
    const enough = await chat.say(ALICE, 'invite w@example.com plan business');
    expect(enough.text).toMatch(/^Invited 1 person as a member with a Business seat: w@example\.com\./);
    expect(enough.sections).toBeUndefined();
    const [dm] = await chat.inbox('w@example.com');
    expect(dm?.text).toMatch(/^alice@example\.com invites you to Acme as a member with a Business seat\./);
  });

  it('refuses an organization name with an invisible direction override, in one line, changing nothing', async () => {
    const before = await db.counts();
    const r = await chat.say(ALICE, 'org create Evil\u202egnp.Corp');
    expect(r.tone).toBe('error');
    expect(r.code).toBe('invalid_input');
    expect(r.text).toMatch(/invisible control character; type it on one line without them/);
    expect(await db.counts()).toEqual(before);
  });
});
