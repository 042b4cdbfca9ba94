import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * Invitations and the member list in French and Dutch, through the dispatcher on a real database
 * seeded with the Acme demo (bob admin). Emails and commands stay as typed.
 */

const BOB = DEMO.admin;

const logged: unknown[] = [];
let db: TestDb;

const say = (locale: Locale, text: string): Promise<Reply> =>
  runCommand({ service: db.ctx, actor: { email: BOB }, locale }, text, (e) => logged.push(e));

beforeAll(async () => {
  db = await freshDb();
  expect(await seedDemo(db.ctx)).toBe(true);
  db.clock.set('2026-03-01T00:00:00Z');
});
afterAll(() => db?.close());

const USAGE = '`invite <who>... [as admin|member] [plan <plan>]`';

describe('invite', () => {
  it('invites in French, with the plan and how long the invitation lasts', async () => {
    const r = await say('fr', 'invite ana@example.com plan pro');
    expect(r.tone).toBe('ok');
    expect(r.text).toBe(
      '1 personne invitée en tant que membre, avec une licence Pro : ana@example.com. Chaque invité reçoit un message pour accepter ; l’invitation est valable 7 jours.',
    );
  });

  it('lists the invitation in Dutch, its last day in Dutch', async () => {
    const r = await say('nl', 'members');
    expect(r.text).toBe('Acme heeft 5 actieve leden.');
    expect(r.sections?.[0]?.title).toBe('Leden (5)');
    expect(r.sections?.[0]?.lines[1]).toBe('bob@example.com — beheerder (goedkeurder), Free');
    expect(r.sections?.[1]).toEqual({
      title: 'Uitgenodigd (1)',
      lines: ['ana@example.com — lid, Pro, tot 8 mrt 2026'],
    });
  });

  it('skips who is already invited, in French', async () => {
    const r = await say('fr', 'invite ana@example.com');
    expect(r.text).toBe('Personne de nouveau à inviter.');
    expect(r.sections).toEqual([{ title: 'Ignorés', lines: ['ana@example.com : déjà invité'] }]);
  });

  it('refuses a bad email in Dutch and French, the syntax as typed', async () => {
    const nl = await say('nl', 'invite ana@example');
    expect(nl.tone).toBe('error');
    expect(nl.text).toBe(`"ana@example" is geen geldig e-mailadres: ${USAGE}.`);
    const fr = await say('fr', 'invite ana@');
    expect(fr.text).toBe(`« ana@ » n’est pas une adresse e-mail valide : ${USAGE}.`);
  });
});

describe('members --former', () => {
  it('says there are none, in French and Dutch', async () => {
    expect((await say('fr', 'members --former')).text).toBe(
      'Acme n’a aucun ancien membre. Les personnes parties, désactivées avec « Marquer comme anciens membres », apparaissent ici ; `members` affiche tous les autres.',
    );
    expect((await say('nl', 'members --former')).text).toBe(
      'Acme heeft geen oud-leden. Vertrekkers die met "Markeren als oud-lid" zijn uitgeschreven, staan hier; `members` toont alle anderen.',
    );
    expect(logged).toEqual([]);
  });
});
