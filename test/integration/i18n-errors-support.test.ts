import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import { InputRefusal, parse, seatCountField } from '../../src/service/support/input.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The shared refusals (access, assignment, input) in the reader's language, through the command
 * layer on a real database seeded with the Acme demo; nothing they refuse changes anything.
 */

const [ALICE, BOB] = [DEMO.owner, DEMO.admin];
const [CAROL, , ERIN] = DEMO.members as [string, string, string];

let db: TestDb;
let logged: unknown[] = [];
const log = (e: unknown) => logged.push(e);

beforeAll(async () => {
  db = await freshDb();
  expect(await seedDemo(db.ctx)).toBe(true);
});
afterAll(() => db?.close());
afterEach(() => {
  expect(logged, 'errors logged by the dispatcher').toEqual([]);
  logged = [];
});

const ctx = (email: string, locale: Locale): CommandContext => ({
  service: db.ctx,
  actor: { email },
  locale,
});

/** A refusal's text, checking it is one and that it changed nothing. */
const refused = async (code: string, run: () => Promise<Reply>): Promise<string> => {
  const before = await db.counts();
  const r = await run();
  expect(r.tone, r.text).toBe('error');
  expect(r.code, r.text).toBe(code);
  expect(await db.counts()).toEqual(before);
  return r.text;
};

const say = (who: string, locale: Locale, text: string) => runCommand(ctx(who, locale), text, log);

describe('a forbidden action', () => {
  it('tells a member in French and in Dutch what they are and whom to ask', async () => {
    expect(await refused('forbidden', () => say(CAROL, 'fr', 'invite zed@example.com'))).toBe(
      'Vous êtes membre\u00a0: cette action ne relève pas de vous. Demandez à un administrateur ou au propriétaire de le faire.',
    );
    expect(await refused('forbidden', () => say(CAROL, 'nl', 'invite zed@example.com'))).toBe(
      'Je bent lid: dit mag jij niet doen. Vraag een beheerder of de eigenaar om dit te doen.',
    );
  });

  it('tells an admin the owner-only step in their language', async () => {
    expect(await refused('forbidden', () => say(BOB, 'fr', 'billing'))).toBe(
      'Vous êtes administrateur\u00a0: cette action ne relève pas de vous. Seul le propriétaire gère la facturation\u202f; adressez-vous à lui.',
    );
    expect(await refused('forbidden', () => say(BOB, 'nl', 'billing'))).toBe(
      'Je bent beheerder: dit mag jij niet doen. Alleen de eigenaar beheert de facturatie; vraag het de eigenaar.',
    );
  });

  it('stays English, word for word, for an English reader', async () => {
    expect(await refused('forbidden', () => say(CAROL, 'en', 'invite zed@example.com'))).toBe(
      'You are a member: that is not yours to do. Ask an admin or the owner to do it.',
    );
  });
});

describe('assignment refusals', () => {
  it('name the plan, the person and the organization as typed, untranslated', async () => {
    expect(await refused('not_found', () => say(ALICE, 'fr', 'invite zed@example.com plan gold'))).toBe(
      'Aucun plan ne s’appelle «\u00a0gold\u00a0». Plans\u00a0: free, pro, business.',
    );
    expect(await refused('not_found', () => say(ALICE, 'nl', 'assign nobody@example.com pro'))).toBe(
      'nobody@example.com is geen lid van Acme. Nodig deze persoon eerst uit met `invite`.',
    );
    expect(await refused('already_has_seat', () => say(ALICE, 'nl', `assign ${CAROL} pro`))).toBe(
      `${CAROL} heeft al een Pro-licentie. Er hoeft niets te gebeuren.`,
    );
    expect(await refused('invalid_input', () => say(ALICE, 'fr', `assign ${CAROL} free`))).toBe(
      `Le plan Free ne nécessite pas de licence. Utilisez \`unassign ${CAROL}\` pour repasser cette personne sur Free.`,
    );
  });
});

describe('a bad email', () => {
  const offboard = async (locale: Locale) => {
    const form = (await runCommand(ctx(ALICE, locale), 'offboard', log)).form;
    expect(form, 'the offboarding form').toBeDefined();
    return refused('invalid_input', () =>
      runAction(
        ctx(ALICE, locale),
        form!.action,
        { payload: form!.payload, values: { members: [ERIN, '3'] } },
        log,
      ),
    );
  };

  it('says in French and in Dutch which value is wrong and what to do', async () => {
    expect(await offboard('fr')).toBe(
      'Saisie invalide\u00a0: members.1 "3" n’est pas une adresse e-mail valide. Vérifiez et réessayez\u202f; `help` montre la syntaxe.',
    );
    expect(await offboard('nl')).toBe(
      'Ongeldige invoer: members.1 "3" is geen geldig e-mailadres. Controleer het en probeer het opnieuw; `help` toont de syntaxis.',
    );
  });

  it('keeps the English the REST API shows', async () => {
    expect(await offboard('en')).toBe(
      'Invalid input: members.1 "3" is not a valid email address. Check it and try again; `help` shows the syntax.',
    );
  });
});

describe('a number in a refusal', () => {
  it('is written the reader’s way', () => {
    let e: unknown;
    try {
      parse(seatCountField, 20_000);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputRefusal);
    const refusal = e as InputRefusal;
    expect(refusal.message).toBe('Invalid input: must be at most 10,000.');
    expect(refusal.problemIn(wordsFor('fr'))).toBe('doit valoir au plus 10\u202f000');
    expect(refusal.problemIn(wordsFor('nl'))).toBe('mag hoogstens 10.000 zijn');
  });
});
