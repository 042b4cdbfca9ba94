import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { Button, Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The core's own replies in French and Dutch, through the real dispatcher on a real database
 * seeded with the Acme demo (alice owner and approver, bob admin and approver, erin on free).
 */

const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const ERIN = (DEMO.members as string[])[2]!;

/** Intl's spaces in French money and dates (no-break, narrow no-break) read as plain spaces here. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

let logged: unknown[] = [];
const log = (e: unknown) => logged.push(e);

const contextOf = (db: TestDb, email: string, locale: Locale): CommandContext => ({
  service: db.ctx,
  actor: { email },
  locale,
});

const say = async (db: TestDb, email: string, locale: Locale, text: string) =>
  runCommand(contextOf(db, email, locale), text, log);

const press = async (db: TestDb, email: string, locale: Locale, b: Button | undefined, values?: object) => {
  expect(b, 'the button to press').toBeDefined();
  return runAction(
    contextOf(db, email, locale),
    b!.action,
    { payload: b!.payload, values: values as never },
    log,
  );
};

const textOf = (r: Reply) => plain(r.text);

describe('the command core in French and Dutch', () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await freshDb();
    expect(await seedDemo(db.ctx)).toBe(true);
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    logged = [];
    db.clock.set('2026-03-01T00:00:00Z');
  });
  afterEach(() => {
    expect(logged, 'errors logged by the dispatcher').toEqual([]);
  });

  it('refuses an unknown command in the reader’s language, the commands as typed', async () => {
    const fr = await say(db, ALICE, 'fr', 'xyzzy');
    expect([fr.tone, fr.code]).toEqual(['error', 'invalid_input']);
    expect(textOf(fr)).toBe('Commande inconnue « xyzzy ». Tapez `help` pour voir la liste.');
    const nl = await say(db, ALICE, 'nl', 'membrs');
    expect(textOf(nl)).toBe('Onbekend commando "membrs". Bedoel je `members`? Typ `help` voor de lijst.');
    expect(textOf(await say(db, ALICE, 'en', 'xyzzy'))).toBe(
      'Unknown command "xyzzy". Type `help` for the list.',
    );
  });

  it('refuses a bad argument in the reader’s language, the usage line unchanged', async () => {
    const fr = await say(db, ALICE, 'fr', 'members --page 0');
    expect(fr.code).toBe('invalid_input');
    expect(textOf(fr)).toMatch(
      /^La page doit être un nombre à partir de 1 : `members[^`]*--page <n>[^`]*`\.$/,
    );
    const nl = await say(db, ALICE, 'nl', 'members --page 0');
    expect(textOf(nl)).toMatch(/^De pagina moet een getal vanaf 1 zijn: `members[^`]*--page <n>[^`]*`\.$/);
    const extra = await say(db, ALICE, 'nl', 'plans now');
    expect(textOf(extra)).toMatch(/^Onverwacht "now": `plans`\.$/);
  });

  it('approves a purchase in French, with French money, and says it was already decided', async () => {
    const quote = await say(db, ALICE, 'fr', 'add 2 pro');
    expect(quote.tone, quote.text).not.toBe('error');
    const confirm = quote.buttons?.find((b) => b.action === 'purchase.approve');
    const approved = await press(db, ALICE, 'fr', confirm);
    expect(approved.tone).toBe('ok');
    expect(textOf(approved)).toBe(
      'Approuvé : ajout de 2 licences Pro, 30,00 € facturés. Le demandeur est prévenu.',
    );
    expect(approved.decided).toMatch(/^purchase:/);
    const again = await press(db, ALICE, 'nl', confirm);
    expect([again.tone, textOf(again)]).toEqual([
      'info',
      'Al beslist: 2 Pro-licenties goedgekeurd en betaald door alice@example.com. Er is niets veranderd.',
    ]);
  });

  it('rejects a purchase in French; cancelling one’s own reads as a cancellation', async () => {
    await chatOn(db).inbox(BOB);
    expect((await say(db, ERIN, 'en', 'add 1 pro')).tone).not.toBe('error');
    const request = (await chatOn(db).inbox(BOB)).find((n) =>
      n.buttons?.some((b) => b.action === 'purchase.reject'),
    );
    const reject = request?.buttons?.find((b) => b.action === 'purchase.reject');
    const rejected = await press(db, BOB, 'fr', reject, { reason: 'Prenez une licence libre' });
    expect([rejected.tone, textOf(rejected)]).toEqual([
      'ok',
      'Refusé : 1 licence Pro. Le demandeur est prévenu.',
    ]);
    const again = await press(
      db,
      ALICE,
      'fr',
      request?.buttons?.find((b) => b.action === 'purchase.approve'),
    );
    expect(textOf(again)).toBe(
      'Demande déjà traitée : 1 licence Pro, refusée par bob@example.com. Rien n’a changé.',
    );

    const mine = await say(db, ALICE, 'fr', 'add 1 pro');
    const cancel = mine.buttons?.find((b) => b.action === 'purchase.reject');
    expect(textOf(await press(db, ALICE, 'fr', cancel))).toBe('Annulé : rien acheté, rien facturé.');
  });

  it('refuses a stale button and a bad purchase form in Dutch, with Dutch numbers', async () => {
    const stale = await runAction(contextOf(db, ALICE, 'nl'), 'nope', { payload: {} }, log);
    expect(textOf(stale)).toBe('Die knop is niet meer geldig. Voer het commando opnieuw uit.');
    const form = await runAction(
      contextOf(db, ALICE, 'nl'),
      'purchase.form',
      { payload: {}, values: { quantity: 0, plan: 'pro' } },
      log,
    );
    expect(textOf(form)).toBe('Het aantal licenties moet een heel getal van 1 tot 10.000 zijn.');
    expect(form.fieldErrors).toEqual({ quantity: 'Vul 1 tot 10.000 in.' });
  });

  // last: it cancels the organization
  it('confirms a cancellation in French, with a French date', async () => {
    const [org] = await db.em
      .fork()
      .execute<{ id: string }[]>(`select id from organization where name = 'Acme'`);
    const r = await press(db, ALICE, 'fr', {
      label: 'Résilier',
      action: 'org.cancel.confirm',
      payload: { organizationId: org!.id },
    });
    expect(r.tone, r.text).toBe('ok');
    expect(textOf(r)).toMatch(
      /^Résilié\. Tout le monde garde l’accès jusqu’au \d{1,2} [a-zéû]+\.? 20\d\d ; `cancel undo` annule la résiliation d’ici là\.$/,
    );
  });
});
