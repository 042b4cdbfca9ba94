import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The command replies in French and Dutch, through the dispatcher on a real database seeded with
 * the Acme demo (alice owner, bob admin + approver): help, status, a quote with money and the
 * offboarding form. Commands and values people typed stay as they are.
 */

const ALICE = DEMO.owner;
const BOB = DEMO.admin;

const logged: unknown[] = [];
let db: TestDb;

const say = (
  email: string,
  locale: Locale,
  text: string,
  extra: Partial<CommandContext> = {},
): Promise<Reply> =>
  runCommand({ service: db.ctx, actor: { email }, locale, ...extra }, text, (e) => logged.push(e));

beforeAll(async () => {
  db = await freshDb();
  expect(await seedDemo(db.ctx)).toBe(true);
  db.clock.set('2026-03-01T00:00:00Z');
});
afterAll(() => db?.close());

describe('help', () => {
  it('lists the commands in French, syntax as typed', async () => {
    const r = await say(BOB, 'fr', 'help');
    expect(r.text).toBe('Commandes Seatkeeper (tapez `help <command>` pour le détail) :');
    expect(r.sections?.[0]?.title).toBe('Commandes');
    expect(r.sections?.[0]?.lines).toContain('`help [command]` — Lister les commandes, ou en expliquer une.');
  });

  it('explains a command in Dutch, with its example', async () => {
    const r = await say(BOB, 'nl', 'help add');
    expect(r.text).toBe(
      '`add <n> <plan> [for <who>…]` — Meer licenties aanvragen: toont de offerte naar rato en stuurt die ter goedkeuring door.',
    );
    expect(r.fields?.[0]).toEqual({ label: 'Voorbeeld', value: '`add 3 pro`' });
  });

  it('suggests the nearest command in French', async () => {
    const r = await say(BOB, 'fr', 'help statu');
    expect(r.tone).toBe('error');
    expect(r.text).toBe(
      'La commande « statu » n’existe pas. Vouliez-vous dire `status` ? Tapez `help` pour la liste.',
    );
  });
});

describe('status', () => {
  it('counts the seats in French, with the renewal day in French', async () => {
    const r = await say(BOB, 'fr', 'status');
    expect(r.text).toBe('Acme : 3 licences attribuées sur 7, 4 libres.');
    expect(r.sections?.[0]?.title).toBe('Licences par plan');
    expect(r.sections?.[0]?.lines[0]).toBe(
      'Pro : 4 achetées, 2 attribuées, 2 libres, 0 se termine — renouvellement le 1 avr. 2026',
    );
    expect(r.fields?.[0]).toEqual({ label: 'Attribution automatique', value: 'désactivée' });
  });

  it('counts the seats in Dutch', async () => {
    const r = await say(BOB, 'nl', 'status');
    expect(r.text).toBe('Acme: 3 van 7 licenties toegewezen, 4 vrij.');
    expect(r.sections?.[0]?.lines[0]).toBe(
      'Pro: 4 gekocht, 2 toegewezen, 2 vrij, 0 aflopend — verlengt op 1 apr 2026',
    );
  });
});

describe('a quote with money', () => {
  it('French: 30,00 €, per month, the expiry in the reader’s zone', async () => {
    const r = await say(ALICE, 'fr', 'add 2 pro', { timeZone: async () => 'Europe/Paris' });
    expect(r.text).toBe('Acheter 2 licences Pro ?');
    expect(r.fields).toEqual([
      { label: 'Facturé maintenant (au prorata)', value: '30,00\u00a0€' },
      { label: 'Nouveau total récurrent', value: '180,00\u00a0€ par mois' },
      { label: 'Devis valable jusqu’au', value: '2 mars, 01:00' },
    ]);
    expect(r.buttons?.map((b) => b.label)).toEqual(['Confirmer l’achat', 'Annuler']);
  });

  it('Dutch: € 30,00, per month, UTC when no zone is known', async () => {
    const r = await say(ALICE, 'nl', 'add 2 pro');
    expect(r.text).toBe('2 Pro-licenties kopen?');
    expect(r.fields).toEqual([
      { label: 'Nu in rekening gebracht (naar rato)', value: '€\u00a030,00' },
      { label: 'Nieuw terugkerend totaal', value: '€\u00a0180,00 per maand' },
      { label: 'Offerte geldig tot', value: '2 mrt, 00:00 UTC' },
    ]);
    expect(r.buttons?.map((b) => b.label)).toEqual(['Aankoop bevestigen', 'Annuleren']);
  });
});

describe('the offboarding form', () => {
  it('French labels, the named person as typed', async () => {
    const r = await say(BOB, 'fr', `offboard ${DEMO.members[0]}`);
    expect(r.text).toBe(`Départ de ${DEMO.members[0]} ? Vérifiez les options et validez.`);
    expect(r.form?.title).toBe('Gérer des départs');
    expect(r.form?.submitLabel).toBe('Valider les départs');
    expect(r.form?.fields.map((f) => f.label)).toEqual([
      'Personnes qui partent',
      'Libérer leur licence pour quelqu’un d’autre',
      'Couper le renouvellement automatique de leur licence (utilisable jusqu’à la fin de la période, puis plus facturée)',
      'Marquer comme anciens membres (masqués des listes)',
    ]);
  });

  it('Dutch labels', async () => {
    const r = await say(BOB, 'nl', 'offboard');
    expect(r.text).toBe('Kies de vertrekkers en wat er met hun licenties gebeurt.');
    expect(r.form?.title).toBe('Vertrekkers uitschrijven');
    expect(r.form?.fields[0]?.label).toBe('Vertrekkers');
    expect(r.form?.fields[3]?.label).toBe('Markeren als oud-lid (verborgen in lijsten)');
  });
});

it('logged no unexpected errors', () => {
  expect(logged).toEqual([]);
});
