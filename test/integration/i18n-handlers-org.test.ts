import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The organization commands in French and Dutch, through the dispatcher on a real database seeded
 * with the Acme demo (bob admin): a link code with its expiry in the reader's zone, a refused
 * code, the SCIM offboarding defaults and a role that does not exist. Commands stay as typed.
 */

const BOB = DEMO.admin;

const logged: unknown[] = [];
let db: TestDb;

const say = (locale: Locale, text: string, extra: Partial<CommandContext> = {}): Promise<Reply> =>
  runCommand({ service: db.ctx, actor: { email: BOB }, locale, ...extra }, text, (e) => logged.push(e));

beforeAll(async () => {
  db = await freshDb();
  expect(await seedDemo(db.ctx)).toBe(true);
  db.clock.set('2026-03-01T00:00:00Z');
});
afterAll(() => db?.close());

describe('org link', () => {
  it('French: the code, and until when it works in the reader’s zone', async () => {
    const r = await say('fr', 'org link', { timeZone: async () => 'Europe/Paris' });
    expect(r.tone).toBe('info');
    const code = /`(lk_\w+)`/.exec(r.text)?.[1];
    expect(r.text).toBe(
      `Code de liaison pour Acme : \`${code}\`. Dans l’autre espace de travail Slack ou tenant Teams, un propriétaire ou administrateur de l’organisation tape \`org link ${code}\`. Il ne sert qu’une fois, jusqu’au 2 mars, 01:00 ; un nouveau code le remplace.`,
    );
  });

  it('Dutch: a code typed outside a workspace is refused with where to type it', async () => {
    const before = await db.counts();
    const r = await say('nl', 'org link ABC123');
    expect(r).toMatchObject({ tone: 'error', code: 'invalid_input' });
    expect(r.text).toBe(
      'Typ `org link <code>` in de Slack-workspace of Teams-tenant die je wilt koppelen, niet hier.',
    );
    expect(await db.counts()).toEqual(before);
  });
});

describe('scim defaults', () => {
  it('French: what offboarding does, oui/non', async () => {
    const r = await say('fr', 'scim defaults');
    expect(r.text).toBe(
      'Quand le fournisseur d’identité retire quelqu’un : libérer sa licence oui, arrêter son renouvellement automatique oui, le marquer comme ancien oui.',
    );
    expect(r.fields).toEqual([
      { label: 'En modifier un', value: '`scim defaults free-seat|stop-renew|former on|off`' },
    ]);
  });

  it('Dutch: one changed and saved', async () => {
    const r = await say('nl', 'scim defaults former off');
    expect(r.text).toBe(
      'Opgeslagen. Als de identiteitsprovider iemand offboardt: licentie vrijgeven aan, automatische verlenging stoppen aan, als oud-medewerker markeren uit.',
    );
    expect(r.fields?.[0]?.label).toBe('Eén wijzigen');
  });
});

describe('a role that does not exist', () => {
  it('is refused in French and Dutch with the syntax as typed, and changes nothing', async () => {
    const before = await db.counts();
    const fr = await say('fr', `role ${DEMO.members[0]} boss`);
    expect(fr).toMatchObject({ tone: 'error', code: 'invalid_input' });
    expect(fr.text).toBe('Précisez le rôle : `role <who> admin|member|approver|not-approver`.');
    const nl = await say('nl', `role ${DEMO.members[0]} boss`);
    expect(nl.text).toBe('Kies een rol: `role <who> admin|member|approver|not-approver`.');
    expect(await db.counts()).toEqual(before);
  });
});

it('logged no unexpected errors', () => {
  expect(logged).toEqual([]);
});
