import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand, submitForm } from '../../src/commands/dispatch.ts';
import type { ActionInput } from '../../src/commands/handler.ts';
import type { Form, Reply } from '../../src/commands/reply.ts';
import { setBillingDetails } from '../../src/service/set-billing-details.ts';
import { InputRefusal } from '../../src/service/support/input.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * A refused form, through the command layer: the forms come from their commands (offboard,
 * billing, add) as people get them, and are submitted as the adapters submit them.
 */

const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const ERIN = DEMO.members[2]!;

let db: TestDb;
let logged: unknown[] = [];
const log = (e: unknown) => logged.push(e);

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
});
afterAll(() => db?.close());

const ctx = (email: string): CommandContext => ({ service: db.ctx, actor: { email } });

const formOf = async (who: string, command: string): Promise<Form> => {
  const r = await runCommand(ctx(who), command, log);
  expect(r.form, `${r.code ?? ''} ${r.text}`).toBeDefined();
  return r.form!;
};

const submit = (who: string, form: Form, values: NonNullable<ActionInput['values']>) =>
  submitForm(ctx(who), { action: form.action, payload: form.payload, values, fields: form.fields }, log);

const oneLine = (r: Reply) => {
  expect(r.tone).toBe('error');
  expect(r.private).toBe(true);
  expect(r.text).not.toMatch(/[\n\r]/);
  return r;
};

describe('a refused form names the field by its label', () => {
  it('offboarding: a bad leaver is one line, keyed by the members field, with no `help`; nothing changes', async () => {
    const form = await formOf(ALICE, 'offboard');
    const before = await db.counts();
    const r = oneLine(await submit(ALICE, form, { members: [ERIN, '3'], freeSeat: true }));
    expect(r.code).toBe('invalid_input');
    expect(r.text).toBe('Leavers: "3" is not a valid email address.');
    expect(r.fieldErrors).toEqual({ members: 'Leavers: "3" is not a valid email address.' });
    expect(await db.counts()).toEqual(before);
  });

  it('offboarding with nobody picked names the field too', async () => {
    const form = await formOf(ALICE, 'offboard');
    const r = oneLine(await submit(ALICE, form, { members: [], freeSeat: true }));
    expect(r.text).toBe('Leavers: pick at least one leaver.');
    expect(Object.keys(r.fieldErrors ?? {})).toEqual(['members']);
  });

  it('billing details: the country field by its label, the value as typed', async () => {
    const form = await formOf(ALICE, 'billing');
    const r = oneLine(
      await submit(ALICE, form, {
        company: 'Acme BV',
        email: 'billing@acme.test',
        country: 'Nether<b>lands',
      }),
    );
    expect(r.text).toBe(
      'Country (two letters, e.g. NL): "Nether<b>lands" must be a two-letter ISO code such as NL or FR.',
    );
    expect(Object.keys(r.fieldErrors ?? {})).toEqual(['country']);
  });

  it('the purchase form: a plan the service refuses is still a refusal, not a crash', async () => {
    const form = await formOf(ALICE, 'add');
    const r = oneLine(await submit(ALICE, form, { plan: 'gold', quantity: 2 }));
    expect(r.code).toBe('not_found');
    expect(r.text).toBe('There is no plan called "gold". Plans: free, pro, business.');
  });

  it('a refusal that is not about a field keeps its own next step and marks no field', async () => {
    const form = await formOf(BOB, 'offboard');
    const before = await db.counts();
    const r = oneLine(await submit(BOB, form, { members: [ALICE], freeSeat: true }));
    expect(r.code).toBe('owner_cannot_leave');
    expect(r.text).toBe(
      'alice@example.com owns Acme and cannot be offboarded. Move ownership first with `owner <who>`.',
    );
    expect(r.fieldErrors).toBeUndefined();
    expect(await db.counts()).toEqual(before);
  });

  it('a bad id the form carries (not a field) says to open the form again, not `help`', async () => {
    const form = await formOf(ALICE, 'billing');
    const r = oneLine(
      await submit(
        ALICE,
        { ...form, payload: { organizationId: 'nope' } },
        {
          company: 'Acme BV',
          email: 'billing@acme.test',
          country: 'NL',
        },
      ),
    );
    expect(r.text).toBe(
      'Invalid input: organizationId "nope" is not a valid id. Open the form again and submit it once more.',
    );
    expect(r.fieldErrors).toBeUndefined();
  });

  it('an unknown form action is refused as a form, not as a button', async () => {
    const r = oneLine(
      await submitForm(ctx(ALICE), { action: 'nope.submit', payload: {}, values: {}, fields: [] }, log),
    );
    expect(r.text).toBe('That form is no longer valid. Run the command again.');
  });
});

describe('outside forms the refusal is unchanged', () => {
  it('a button or API-style action keeps the path, the value and the `help` next step', async () => {
    const form = await formOf(ALICE, 'offboard');
    const r = oneLine(
      await runAction(
        ctx(ALICE),
        form.action,
        { payload: form.payload, values: { members: [ERIN, '3'] } },
        log,
      ),
    );
    expect(r.text).toBe(
      'Invalid input: members.1 "3" is not a valid email address. Check it and try again; `help` shows the syntax.',
    );
    // keyed by the top-level field, not the last path segment ("1")
    expect(Object.keys(r.fieldErrors ?? {})).toEqual(['members']);
  });

  it('the service refusal the REST API shows is the same line, with only the field in its details', async () => {
    const org = (await formOf(ALICE, 'billing')).payload.organizationId!;
    const e = await setBillingDetails(
      db.ctx,
      { email: ALICE },
      {
        organizationId: org,
        details: { company: 'Acme BV', email: 'nobody', country: 'NL' },
      },
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputRefusal);
    expect((e as InputRefusal).toJSON()).toEqual({
      code: 'invalid_input',
      message: 'Invalid input: email "nobody" is not a valid email address.',
      next: 'Check it and try again; `help` shows the syntax.',
      details: { field: 'email' },
    });
  });

  it('logged nothing unexpected', () => {
    expect(logged).toEqual([]);
    logged = [];
  });
});
