import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The use cases' refusals reach a French or Dutch reader in their language, through the chat
 * layer on a real database seeded with the Acme demo; English stays as it was.
 */

const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const [CAROL] = DEMO.members as [string, ...string[]];

let logged: unknown[] = [];
const log = (e: unknown) => logged.push(e);

const contextOf = (db: TestDb, email: string, locale?: Locale): CommandContext => ({
  service: db.ctx,
  actor: { email },
  resolveMention: async () => null,
  ...(locale ? { locale } : {}),
});

const refused = (r: Reply, code: string): string => {
  expect(r.tone, r.text).toBe('error');
  expect(r.code, r.text).toBe(code);
  return r.text;
};

describe('refusals of the use cases in French and Dutch', () => {
  let db: TestDb;
  const say = (who: string, text: string, locale?: Locale) =>
    runCommand(contextOf(db, who, locale), text, log);

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

  it('asking for seats of the free plan', async () => {
    expect(refused(await say(CAROL, 'add 1 free', 'fr'), 'invalid_input')).toBe(
      'Free est gratuit et ne nécessite pas de licence. Demandez un plan payant, par exemple `add 1 pro`.',
    );
    expect(refused(await say(CAROL, 'add 1 free', 'nl'), 'invalid_input')).toBe(
      'Free is gratis en heeft geen licenties nodig. Vraag een betaald plan aan, bijvoorbeeld `add 1 pro`.',
    );
    expect(refused(await say(CAROL, 'add 1 free'), 'invalid_input')).toBe(
      'Free is free and needs no seats. Ask for a paid plan, e.g. `add 1 pro`.',
    );
  });

  it('a repeat, with the typed address as it is and on/off in the reader’s words', async () => {
    expect(refused(await say(ALICE, 'role carol@example.com member', 'fr'), 'conflict')).toBe(
      'carol@example.com a déjà ce rôle. Rien à faire.',
    );
    expect(refused(await say(ALICE, 'role carol@example.com member', 'nl'), 'conflict')).toBe(
      'carol@example.com heeft die rol al. Er hoeft niets te gebeuren.',
    );
    expect((await say(BOB, 'renew dave@example.com off')).tone).not.toBe('error');
    expect(refused(await say(BOB, 'renew dave@example.com off', 'fr'), 'conflict')).toBe(
      'Le renouvellement automatique est déjà désactivé pour dave@example.com. Rien à faire.',
    );
    expect(refused(await say(BOB, 'renew dave@example.com off', 'nl'), 'conflict')).toBe(
      'Automatisch verlengen staat al uit voor dave@example.com. Er hoeft niets te gebeuren.',
    );
    expect((await say(BOB, 'renew dave@example.com on')).tone).not.toBe('error');
    expect(refused(await say(BOB, 'renew dave@example.com on', 'nl'), 'conflict')).toMatch(/ staat al aan /);
  });

  it('cancelling twice names the last day; undoing with nothing to undo', async () => {
    expect(refused(await say(ALICE, 'cancel undo', 'nl'), 'conflict')).toBe(
      'Acme is niet opgezegd, dus er is niets ongedaan te maken. Gebruik `cancel` om de organisatie op te zeggen.',
    );
    const ask = await say(ALICE, 'cancel', 'fr');
    const confirm = ask.buttons?.find((b) => b.action === 'org.cancel.confirm');
    expect(confirm, 'the confirm button').toBeDefined();
    const press = (locale?: Locale) =>
      runAction(contextOf(db, ALICE, locale), confirm!.action, { payload: confirm!.payload }, log);
    expect((await press()).tone).not.toBe('error');
    expect(refused(await press('fr'), 'conflict')).toBe(
      'Acme est déjà résiliée ; l’accès reste ouvert jusqu’au 1 avr. 2026. Vous avez changé d’avis ? `cancel undo` conserve l’organisation.',
    );
    expect(refused(await press('nl'), 'conflict')).toBe(
      'Acme is al opgezegd; de toegang loopt tot 1 apr 2026. Toch niet? Met `cancel undo` blijft de organisatie bestaan.',
    );
    expect(refused(await say(CAROL, 'add 1 pro', 'fr'), 'organization_closed')).toBe(
      'Acme est résiliée en fin de période. Annulez d’abord la résiliation avec `cancel undo`.',
    );
    expect((await say(ALICE, 'cancel undo')).tone).not.toBe('error');
  });
});
