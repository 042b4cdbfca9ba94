import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellSession } from '../../adapters/shell/session.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The shell session driven line by line, as the REPL drives it, on a real database seeded with
 * the Acme demo. Tests share one session and run in order.
 */

const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const [CAROL, DAVE] = DEMO.members as [string, string, string];

let db: TestDb;
let shell: ShellSession;
const logged: unknown[] = [];

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  shell = new ShellSession(db.ctx, ALICE, (e) => logged.push(e));
});
afterAll(() => db?.close());

/** Types the lines one after the other; returns everything printed, as one text. */
const type = async (...lines: string[]) => {
  const out: string[] = [];
  for (const l of lines) out.push(...(await shell.handle(l)));
  return out.join('\n');
};

/** The number printed before a button's label, e.g. `[4] Approve` → 4. */
const numbersOf = (out: string, label: string) =>
  [...out.matchAll(new RegExp(`\\[(\\d+)\\] ${label}`, 'g'))].map((m) => Number(m[1]));

describe('buttons keep their numbers for the session', () => {
  let approve: number[] = [];
  let reject: number[] = [];

  it('two requests reach Bob: four buttons, numbered once', async () => {
    await type(`as ${CAROL}`, 'add 2 pro');
    db.clock.advance(1000);
    await type(`as ${DAVE}`, 'add 1 business');
    const out = await type(`as ${BOB}`);
    // oldest first
    expect(out.indexOf('carol@example.com asks')).toBeLessThan(out.indexOf('dave@example.com asks'));
    approve = numbersOf(out, 'Approve');
    reject = numbersOf(out, 'Reject');
    expect(approve).toHaveLength(2);
    expect(reject).toHaveLength(2);
    expect(new Set([...approve, ...reject]).size).toBe(4);
  });

  it('after a click, the other message’s buttons still work by the same number', async () => {
    expect(await type(`click ${approve[0]}`)).toMatch(/^✓ Approved: 2 Pro seats added/m);
    expect(await type(`click ${approve[1]}`)).toMatch(/^✓ Approved: 1 Business seat added/m);
  });

  it('a number that is gone says which numbers exist now and how to see the messages again', async () => {
    await type(`as ${ALICE}`, 'unassign carol@example.com');
    const out = await type(`as ${BOB}`, `click ${reject[0]}`);
    // Bob's messages are both answered; his own open button is none, Alice's "Move to Free" is hers
    expect(out).toMatch(
      new RegExp(
        `^✗ \\[invalid_input\\] There is no button ${reject[0]} now \\(it was answered, replaced or never shown to bob@example\\.com\\)\\. bob@example\\.com has no open buttons; \`inbox\` shows your messages still waiting for an answer\\.$`,
        'm',
      ),
    );
    const alices = await type(`as ${ALICE}`, 'click 999');
    expect(alices).toMatch(/There is no button 999 now .*Your open buttons are (\d+, )*\d+; `inbox`/);
  });

  it('numbers are never given twice: a new button gets a new number', async () => {
    const out = await type('unassign dave@example.com');
    const [n] = numbersOf(out, 'Move to Free');
    expect(n).toBeGreaterThan(Math.max(...approve, ...reject));
  });
});

describe('inbox shows the messages still waiting for an answer', () => {
  it('an invitation left unanswered comes back with the same numbers, and nothing else does', async () => {
    await type(`as ${ALICE}`, 'invite frank@example.com');
    const first = await type('as frank@example.com');
    const [accept] = numbersOf(first, 'Accept');
    expect(accept).toBeGreaterThan(0);
    await type(`as ${ALICE}`);
    const again = await type('as frank@example.com', 'inbox');
    expect(again).toContain('(still waiting for your answer)');
    expect(numbersOf(again, 'Accept')).toEqual([accept]);
    expect(await type(`click ${accept}`)).toMatch(/^✓ Welcome to Acme!/m);
    expect(await type('inbox')).toBe('(no messages waiting for an answer, and no new ones)');
  });

  it('a decision closes every copy: Alice’s copy of a request Bob approved loses its buttons', async () => {
    await type(`as ${CAROL}`, 'add 1 pro');
    const alices = await type(`as ${ALICE}`);
    const [alicesApprove] = numbersOf(alices, 'Approve');
    expect(alicesApprove).toBeGreaterThan(0);
    const bobs = await type(`as ${BOB}`);
    expect(await type(`click ${numbersOf(bobs, 'Approve')[0]}`)).toMatch(/^✓ Approved: 1 Pro seat added/m);
    await type(`as ${ALICE}`);
    const waiting = numbersOf(await type('inbox'), 'Approve');
    expect(waiting).not.toContain(alicesApprove);
    expect(await type(`click ${alicesApprove}`)).toMatch(
      new RegExp(`There is no button ${alicesApprove} now`),
    );
  });

  it('each direct message is delivered once, and marked sent', async () => {
    const pending = await db.em
      .fork()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from outbox o join account a on a.id = o.recipient_id where a.email = ? and o.status = 'pending'`,
        [ALICE],
      );
    expect(pending[0]!.n).toBe(0);
  });
});

describe('a refused form keeps the form', () => {
  it('shows the error, asks for the refused field again with what was typed, keeps the other answers', async () => {
    await type(`as ${ALICE}`);
    const opened = await type('offboard');
    expect(opened).toContain('  Offboard leavers — Leavers');
    const before = await db.counts();
    const refused = await type(`${DAVE}, nope`, 'n', 'n', 'n');
    expect(refused).toContain('✗ [invalid_input] Leavers: "nope" is not a valid email address.');
    expect(refused).not.toMatch(/help|members\.1/);
    expect(refused).toMatch(/Offboard leavers — Leavers\n[\s\S]*\[dave@example\.com, nope\] > $/);
    expect(shell.prompt).toBe('');
    expect(await db.counts()).toEqual(before);
    // Enter keeps the default: refused again, the same way
    expect(await type('')).toContain('✗ [invalid_input] Leavers: "nope" is not a valid email address.');
    // the fixed answer submits at once, with "free their seat: n" kept from before
    const done = await type(DAVE);
    expect(done).toContain('✓ Offboarded 1 person. Their data stays.');
    expect(done).toContain('    - dave@example.com: can no longer sign in; Pro seat kept');
    expect(shell.prompt).toBe(`${ALICE}> `);
  });

  it('logged nothing unexpected', () => {
    expect(logged).toEqual([]);
  });
});
