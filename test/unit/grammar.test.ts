import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import {
  type Command,
  type CommandName,
  nearestCommand,
  type ParseResult,
  parseCommand,
  SPECS,
  specOf,
} from '../../src/commands/grammar.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import type { Who } from '../../src/commands/who.ts';
import { MAX_SEATS_PER_REQUEST } from '../../src/domain/quote.ts';
import { CATALOGS } from '../../src/i18n/catalog.ts';
import { english } from '../../src/i18n/words.ts';

/** The command a text parses to; fails the test with the parser's own error otherwise. */
const cmd = (text: string): Command => {
  const r = parseCommand(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
  return r.command;
};

/** The one-line error a text is refused with. */
const refused = (text: string): string => {
  const r = parseCommand(text);
  expect(r.ok, `expected "${text}" to be refused, got ${JSON.stringify(r)}`).toBe(false);
  const error = (r as Extract<ParseResult, { ok: false }>).error;
  expect(error.trim().length).toBeGreaterThan(0);
  expect(error).not.toMatch(/[\n\r\u2028\u2029]/);
  return error;
};

const ANA = { email: 'ana@example.com' };
const BO = { email: 'bo@example.com' };

describe('the grammar as a whole', () => {
  it('has one spec per command, and one handler per command', () => {
    const names = SPECS.map((s) => s.name).sort();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual((Object.keys(COMMANDS) as CommandName[]).sort());
  });

  it.each(SPECS.map((s) => [s.name, s.example] as const))('parses the example of %s', (name, example) => {
    expect(cmd(example).name).toBe(name);
  });

  it.each(SPECS.map((s) => [s.name] as const))('specOf finds %s by its name', (name) => {
    expect(specOf(name)?.name).toBe(name);
  });

  it('specOf finds the first two-word command by its first word, and nothing for unknown words', () => {
    expect(specOf('contract')?.name).toBe('contract key');
    expect(specOf('org')?.name).toBe('org create');
    expect(specOf('nope')).toBeUndefined();
  });

  it('reads empty input, and /seats or seats alone, as help', () => {
    for (const t of ['', '   ', '/seats', 'seats', 'SEATS', '/Seats  ']) {
      expect(cmd(t)).toEqual({ name: 'help', topic: null });
    }
  });

  it('drops a leading /seats or seats (Slack, Teams)', () => {
    const want = { name: 'add', quantity: 3, plan: 'pro' };
    expect(cmd('/seats add 3 pro')).toEqual(want);
    expect(cmd('seats add 3 pro')).toEqual(want);
    expect(cmd('  /SEATS   ADD 3   Pro ')).toEqual(want);
  });

  it('only drops the first seats', () => {
    expect(refused('seats seats add 3 pro')).toContain('Unknown command "seats"');
  });

  it('reads only the first 4000 characters', () => {
    expect(cmd(`org create ${'a'.repeat(10)}${' '.repeat(4000)}${'b'.repeat(100)}`)).toEqual({
      name: 'org create',
      orgName: 'aaaaaaaaaa',
      period: 'month',
    });
  });
});

describe('the command specs (registry.ts)', () => {
  it.each(
    SPECS.map((s) => [s.name, s] as const),
  )('%s has a syntax that starts with its name, a summary and an example of its own', (name, spec) => {
    expect(name).toMatch(/^[a-z]+( [a-z]+)?$/);
    expect(spec.syntax.trim()).not.toBe('');
    expect(spec.syntax === name || spec.syntax.startsWith(`${name} `)).toBe(true);
    // the summary is a catalog key, so help says it in the reader's language
    expect(spec.summary.startsWith('commands_handlers.summary.')).toBe(true);
    for (const catalog of Object.values(CATALOGS)) {
      expect(catalog[spec.summary].trim()).not.toBe('');
      expect(catalog[spec.summary]).toMatch(/[.)]$/);
    }
    expect(spec.example.trim()).not.toBe('');
    expect(cmd(spec.example).name).toBe(name);
    expect(cmd(`/seats ${spec.example}`).name).toBe(name);
  });

  it('help lists every command once, in the order of the registration list', async () => {
    const r = await COMMANDS.help({} as CommandContext, { name: 'help', topic: null });
    expect(r.sections).toEqual([
      { title: 'Commands', lines: SPECS.map((s) => `\`${s.syntax}\` — ${english.t(s.summary)}`) },
    ]);
    expect(SPECS.map((s) => s.name).slice(0, 3)).toEqual(['help', 'status', 'plans']);
    expect(SPECS.at(-1)?.name).toBe('upgrade');
  });

  it('help explains each command with its own example', async () => {
    for (const spec of SPECS) {
      const r = await COMMANDS.help({} as CommandContext, { name: 'help', topic: spec.name });
      expect(r.text).toBe(`\`${spec.syntax}\` — ${english.t(spec.summary)}`);
      expect(r.fields?.[0]).toEqual({ label: 'Example', value: `\`${spec.example}\`` });
    }
  });

  it('gives each handler exactly its own command', () => {
    expectTypeOf(COMMANDS.add).parameter(1).toEqualTypeOf<{
      name: 'add';
      quantity: number | null;
      plan: string | null;
      forWho?: Who[];
    }>();
    expectTypeOf(COMMANDS['cancel undo']).parameter(1).toEqualTypeOf<{ name: 'cancel undo' }>();
    expectTypeOf(COMMANDS.renew).parameter(1).toEqualTypeOf<{ name: 'renew'; who: Who; on: boolean }>();
    expectTypeOf<Extract<Command, { name: 'org create' }>>().toEqualTypeOf<{
      name: 'org create';
      orgName: string;
      period: 'month' | 'year';
    }>();
    expectTypeOf<CommandName>().toEqualTypeOf<(typeof SPECS)[number]['name']>();
  });

  it('takes the seat limit from the domain', () => {
    const max = MAX_SEATS_PER_REQUEST;
    expect(cmd(`add ${max} pro`)).toEqual({ name: 'add', quantity: max, plan: 'pro' });
    expect(refused(`add ${max + 1} pro`)).toBe(
      `The number of seats must be from 1 to ${max.toLocaleString('en-US')}.`,
    );
  });
});

describe('unknown commands', () => {
  it.each([
    ['stats', 'status'],
    ['STATSU', 'status'],
    ['invit', 'invite'],
    ['asign', 'assign'],
    ['memebrs', 'members'],
    ['halp', 'help'],
    ['ofboard', 'offboard'],
  ])('suggests the nearest command for %s', (typo, near) => {
    const r = parseCommand(`${typo} something`);
    expect(r).toEqual({
      ok: false,
      error: `Unknown command "${typo.toLowerCase()}". Did you mean \`${near}\`? Type \`help\` for the list.`,
      suggestion: near,
    });
  });

  it('suggests nothing when no command is near', () => {
    expect(parseCommand('xyzzy')).toEqual({
      ok: false,
      error: 'Unknown command "xyzzy". Type `help` for the list.',
      suggestion: null,
    });
  });

  it('cuts a very long unknown word to 40 characters in the error', () => {
    const e = refused('q'.repeat(500));
    expect(e).toBe(`Unknown command "${'q'.repeat(40)}". Type \`help\` for the list.`);
  });

  it('names an empty quoted first word as unknown', () => {
    expect(refused('""')).toContain('Unknown command ""');
  });

  it('nearestCommand works on single words, case-insensitively', () => {
    expect(nearestCommand('ADD')).toBe('add');
    expect(nearestCommand('contrct')).toBe('contract');
    expect(nearestCommand('')).toBeNull();
    expect(nearestCommand('x'.repeat(10_000))).toBeNull();
  });

  // a lookup that followed the prototype chain would run "constructor" as a command (the Object
  // constructor called on the tokens) and let "__proto__" fall into the catch-all
  it('reads words that are Object.prototype keys as unknown commands', () => {
    for (const text of ['constructor', 'Constructor x', '__proto__']) {
      expect(parseCommand(text), text).toMatchObject({ ok: false });
      expect(refused(text)).toMatch(/^Unknown command "(constructor|__proto__)"/);
    }
  });

  it('says what to do with a bare contract or org', () => {
    expect(refused('contract')).toBe(
      'Say what to do with the contract: `contract key`, `contract connect <key>`, `contract disconnect`.',
    );
    expect(refused('ORG')).toBe(
      'Say what to do with the org: `org create <name> [monthly|yearly]`, `org delete`, `org link [<code>]`, `org unlink`.',
    );
    expect(refused('contract renew')).toContain('Say what to do with the contract');
  });
});

describe('help, status, plans, requests and the other bare commands', () => {
  it('help takes an optional topic, lowercased', () => {
    expect(cmd('help')).toEqual({ name: 'help', topic: null });
    expect(cmd('HELP Add')).toEqual({ name: 'help', topic: 'add' });
    expect(cmd('help   contract    connect')).toEqual({ name: 'help', topic: 'contract connect' });
    expect(cmd('help "org create"')).toEqual({ name: 'help', topic: 'org create' });
  });

  it.each([
    ['status'],
    ['plans'],
    ['contract key'],
    ['contract disconnect'],
    ['org delete'],
    ['billing'],
    ['cancel'],
    ['cancel undo'],
    ['upgrade'],
  ] as const)('%s takes no arguments, in any case and spacing', (name) => {
    expect(cmd(name)).toEqual({ name });
    expect(cmd(`  ${name.toUpperCase().replace(' ', '   ')}  `)).toEqual({ name });
    expect(refused(`${name} extra words`)).toBe(`Unexpected "extra": \`${name}\`.`);
  });

  it('tells cancel from cancel undo', () => {
    expect(cmd('Cancel')).toEqual({ name: 'cancel' });
    expect(cmd('cancel UNDO')).toEqual({ name: 'cancel undo' });
    expect(refused('cancel now')).toBe('Unexpected "now": `cancel`.');
  });
});

describe('members', () => {
  it('lists current members, or former ones too', () => {
    expect(cmd('members')).toEqual({ name: 'members', former: false, page: 1 });
    for (const t of ['members --former', 'MEMBERS --FORMER', 'members former', 'members —former']) {
      expect(cmd(t)).toEqual({ name: 'members', former: true, page: 1 });
    }
  });

  it('takes a page anywhere', () => {
    expect(cmd('members --page 3')).toEqual({ name: 'members', former: false, page: 3 });
    expect(cmd('members page 2 --former')).toEqual({ name: 'members', former: true, page: 2 });
  });

  it('refuses anything else, and a page that is not a number from 1', () => {
    expect(refused('members all')).toBe('Unexpected "all": `members [--former] [--page <n>]`.');
    expect(refused('members --page 0')).toBe(
      'The page must be a number from 1: `members [--former] [--page <n>]`.',
    );
    expect(refused('members --page')).toContain('The page must be a number from 1');
    expect(refused('members --page two')).toContain('The page must be a number from 1');
  });
});

describe('requests', () => {
  it('takes an optional page and nothing else', () => {
    expect(cmd('requests')).toEqual({ name: 'requests', page: 1 });
    expect(cmd('REQUESTS --PAGE 4')).toEqual({ name: 'requests', page: 4 });
    expect(refused('requests extra words')).toBe('Unexpected "extra": `requests [--page <n>]`.');
  });
});

describe('audit', () => {
  it('defaults to everyone, 20 lines', () => {
    expect(cmd('audit')).toEqual({ name: 'audit', who: null, limit: 20, page: 1 });
    expect(cmd('audit 200 --page 3')).toEqual({ name: 'audit', who: null, limit: 200, page: 3 });
  });

  it('takes a person and a limit in either order', () => {
    expect(cmd('audit Ana@Example.com 50')).toEqual({ name: 'audit', who: ANA, limit: 50, page: 1 });
    expect(cmd('audit 50 ana@example.com')).toEqual({ name: 'audit', who: ANA, limit: 50, page: 1 });
    expect(cmd('audit <@U1|ana>')).toEqual({
      name: 'audit',
      who: { mention: 'U1', label: 'ana' },
      limit: 20,
      page: 1,
    });
    expect(cmd('audit 500')).toEqual({ name: 'audit', who: null, limit: 500, page: 1 });
    expect(cmd('audit 1')).toEqual({ name: 'audit', who: null, limit: 1, page: 1 });
  });

  it('refuses a limit out of range, a second person or other words', () => {
    expect(refused('audit 0')).toBe('The limit must be between 1 and 500.');
    expect(refused('audit 501')).toBe('The limit must be between 1 and 500.');
    expect(refused('audit 99999999999999999999999')).toBe('The limit must be between 1 and 500.');
    expect(refused('audit ana@example.com bo@example.com')).toBe(
      'Unexpected "bo@example.com": `audit [<who>] [<limit>] [--page <n>]`.',
    );
    expect(refused('audit -5')).toContain('Unexpected "-5"');
    expect(refused('audit yesterday')).toContain('Unexpected "yesterday"');
  });
});

describe('invite', () => {
  it('invites one person by email as a member, no plan', () => {
    expect(cmd('invite ana@example.com')).toEqual({ name: 'invite', who: [ANA], role: 'member', plan: null });
  });

  it('takes many people: emails, mentions, mailto links, with commas and "and"', () => {
    expect(
      cmd(
        'invite <@U1|ana>, <mailto:Bo@Example.com|Bo@Example.com>; Cy@Example.com and <@W2> as admin plan pro',
      ),
    ).toEqual({
      name: 'invite',
      who: [{ mention: 'U1', label: 'ana' }, BO, { email: 'cy@example.com' }, { mention: 'W2', label: null }],
      role: 'admin',
      plan: 'pro',
    });
  });

  it('reads role and plan in any order and any case', () => {
    const want = { name: 'invite', who: [ANA], role: 'admin', plan: 'business' };
    expect(cmd('INVITE ANA@EXAMPLE.COM PLAN Business AS Admin')).toEqual(want);
    expect(cmd('invite   ana@example.com   as   admin   plan   business  ')).toEqual(want);
    expect(cmd('invite as admin ana@example.com plan business')).toEqual(want);
  });

  it('names at least one person', () => {
    const usage = '`invite <who>... [as admin|member] [plan <plan>]`';
    expect(refused('invite')).toBe(`Name at least one person: ${usage}.`);
    expect(refused('invite as admin')).toBe(`Name at least one person: ${usage}.`);
  });

  it('names the bad word', () => {
    const usage = '`invite <who>... [as admin|member] [plan <plan>]`';
    expect(refused('invite ana')).toBe(`"ana" is not a mention or an email: ${usage}.`);
    expect(refused('invite ana@example')).toBe(`"ana@example" is not a valid email address: ${usage}.`);
    expect(refused('invite ana@example.com as owner')).toBe(`After "as" say admin or member: ${usage}.`);
    expect(refused('invite ana@example.com as')).toBe(`After "as" say admin or member: ${usage}.`);
    expect(refused('invite ana@example.com plan')).toBe(`Name a plan: ${usage} (see \`plans\`).`);
    expect(refused('invite ana@example.com plan 9lives')).toBe(`Name a plan: ${usage} (see \`plans\`).`);
    expect(refused('invite <@U 1|ana>')).toContain('is not a mention or an email');
  });

  it('invites at most 50 at once', () => {
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(' ');
    expect(refused(`invite ${many}`)).toBe('Invite at most 50 people at once.');
    const fifty = Array.from({ length: 50 }, (_, i) => `p${i}@example.com`).join(', ');
    expect((cmd(`invite ${fifty}`) as Extract<Command, { name: 'invite' }>).who).toHaveLength(50);
  });
});

describe('assign, unassign, renew, role, owner', () => {
  it('assign takes a person then a plan', () => {
    expect(cmd('assign ana@example.com pro')).toEqual({ name: 'assign', who: ANA, plan: 'pro' });
    expect(cmd('ASSIGN <@U1|Ana> PRO')).toEqual({
      name: 'assign',
      who: { mention: 'U1', label: 'Ana' },
      plan: 'pro',
    });
    expect(cmd('assign ana@example.com "Business"')).toEqual({ name: 'assign', who: ANA, plan: 'business' });
  });

  it('assign refuses a missing person, plan or extra words', () => {
    const u = '`assign <who> <plan>`';
    expect(refused('assign')).toBe(`Name a person by mention or email: ${u}.`);
    expect(refused('assign pro ana@example.com')).toBe(`Name a person by mention or email: ${u}.`);
    expect(refused('assign ana@example.com')).toBe(`Name a plan: ${u} (see \`plans\`).`);
    expect(refused('assign ana@example.com pro now')).toBe(`Unexpected "now": ${u}.`);
    expect(refused(`assign ana@example.com ${'p'.repeat(33)}`)).toBe(`Name a plan: ${u} (see \`plans\`).`);
  });

  it('unassign takes one person', () => {
    expect(cmd('unassign Ana@Example.com')).toEqual({ name: 'unassign', who: ANA });
    expect(refused('unassign')).toBe('Name a person by mention or email: `unassign <who>`.');
    expect(refused('unassign ana@example.com bo@example.com')).toBe(
      'Unexpected "bo@example.com": `unassign <who>`.',
    );
  });

  it('renew takes a person and on or off', () => {
    expect(cmd('renew ana@example.com off')).toEqual({ name: 'renew', who: ANA, on: false });
    expect(cmd('Renew <@U1> ON')).toEqual({ name: 'renew', who: { mention: 'U1', label: null }, on: true });
    expect(refused('renew ana@example.com')).toBe('Say on or off: `renew <who> on|off`.');
    expect(refused('renew ana@example.com maybe')).toBe('Say on or off: `renew <who> on|off`.');
    expect(refused('renew off')).toBe('Name a person by mention or email: `renew <who> on|off`.');
  });

  it.each(['admin', 'member', 'approver', 'not-approver'] as const)('role sets %s', (role) => {
    expect(cmd(`role ana@example.com ${role.toUpperCase()}`)).toEqual({ name: 'role', who: ANA, role });
  });

  it('role refuses other roles', () => {
    const u = '`role <who> admin|member|approver|not-approver`';
    expect(refused('role ana@example.com owner')).toBe(`Say which role: ${u}.`);
    expect(refused('role ana@example.com')).toBe(`Say which role: ${u}.`);
    expect(refused('role admin ana@example.com')).toBe(`Name a person by mention or email: ${u}.`);
  });

  it('owner takes one person', () => {
    expect(cmd('owner <@U1|ana>')).toEqual({ name: 'owner', who: { mention: 'U1', label: 'ana' } });
    expect(refused('owner')).toBe('Name a person by mention or email: `owner <who>`.');
    expect(refused('owner ana')).toBe('Name a person by mention or email: `owner <who>`.');
  });
});

describe('autoassign', () => {
  it('takes on or off', () => {
    expect(cmd('autoassign on')).toEqual({ name: 'autoassign', on: true });
    expect(cmd('AutoAssign  OFF')).toEqual({ name: 'autoassign', on: false });
    expect(refused('autoassign')).toBe('Say on or off: `autoassign on|off`.');
    expect(refused('autoassign yes')).toBe('Say on or off: `autoassign on|off`.');
    expect(refused('autoassign on off')).toBe('Unexpected "off": `autoassign on|off`.');
  });
});

describe('add', () => {
  it('alone opens the purchase form', () => {
    expect(cmd('add')).toEqual({ name: 'add', quantity: null, plan: null });
  });

  it('reads "add 3 pro" and "add pro 3", any case', () => {
    const want = { name: 'add', quantity: 3, plan: 'pro' };
    expect(cmd('add 3 pro')).toEqual(want);
    expect(cmd('add pro 3')).toEqual(want);
    expect(cmd('ADD 3 PRO')).toEqual(want);
    expect(cmd('add 003 pro')).toEqual(want);
    expect(cmd('add 10000 business')).toEqual({ name: 'add', quantity: 10_000, plan: 'business' });
  });

  it('refuses numbers that are not whole, or out of range, naming the range', () => {
    const notWhole =
      'The number of seats must be a whole number from 1 to 10,000: `add <n> <plan> [for <who>…]`.';
    for (const t of ['add 3.5 pro', 'add -1 pro', 'add +3 pro', 'add 1e3 pro', 'add three pro', 'add pro']) {
      expect(refused(t)).toBe(notWhole);
    }
    expect(refused('add 0 pro')).toBe('The number of seats must be from 1 to 10,000.');
    expect(refused('add 10001 pro')).toBe('The number of seats must be from 1 to 10,000.');
    expect(refused('add 99999999999999999999 pro')).toBe('The number of seats must be from 1 to 10,000.');
  });

  it('refuses a missing plan and extra words', () => {
    expect(refused('add 3')).toBe('Name a plan: `add <n> <plan> [for <who>…]` (see `plans`).');
    expect(refused('add 3 pro please')).toBe('Unexpected "please": `add <n> <plan> [for <who>…]`.');
  });

  it('reads whom the seats are for after "for": mentions and emails, with or without a count', () => {
    const forWho = [{ mention: 'U1', label: 'ana' }, { email: 'bo@example.com' }];
    expect(cmd('add 3 pro for <@U1|ana> and bo@example.com')).toEqual({
      name: 'add',
      quantity: 3,
      plan: 'pro',
      forWho,
    });
    expect(cmd('add pro 3 for <@U1|ana>, bo@example.com')).toEqual({
      name: 'add',
      quantity: 3,
      plan: 'pro',
      forWho,
    });
    // no count: a seat for each person named
    expect(cmd('add pro for <@U1|ana> bo@example.com')).toEqual({
      name: 'add',
      quantity: 2,
      plan: 'pro',
      forWho,
    });
  });

  it('refuses "for" with nobody after it, or with something that is not a person', () => {
    const usage = '`add <n> <plan> [for <who>…]`';
    expect(refused('add 3 pro for')).toBe(`Name the people after \`for\`, by mention or email: ${usage}.`);
    expect(refused('add 3 pro for ana')).toBe(`"ana" is not a mention or an email: ${usage}.`);
    expect(refused('add 3 pro please for ana@example.com')).toBe(`Unexpected "please": ${usage}.`);
  });
});

describe('offboard', () => {
  it('with no names opens the form', () => {
    expect(cmd('offboard')).toEqual({ name: 'offboard', who: [] });
  });

  it('takes people by email or mention', () => {
    expect(cmd('Offboard ana@example.com, <@U2|bo>')).toEqual({
      name: 'offboard',
      who: [ANA, { mention: 'U2', label: 'bo' }],
    });
  });

  it('names a word that is not a person', () => {
    expect(refused('offboard ana@example.com bob')).toBe(
      '"bob" is not a mention or an email: `offboard [<who>...]`.',
    );
  });
});

describe('contract', () => {
  it('connect keeps the key as typed', () => {
    const key = 'ck_abcdefghijklmnopqrstuvwxyz234567';
    expect(cmd(`contract connect ${key}`)).toEqual({ name: 'contract connect', key });
    expect(cmd(`CONTRACT Connect "${key.toUpperCase()}"`)).toEqual({
      name: 'contract connect',
      key: key.toUpperCase(),
    });
  });

  it('connect asks for the key and refuses more', () => {
    expect(refused('contract connect')).toBe(
      'Paste the connection key the contract manager shared: `contract connect <key>`.',
    );
    expect(refused('contract connect a b')).toBe('Unexpected "b": `contract connect <key>`.');
  });
});

describe('org link and unlink', () => {
  it('link alone asks for a code; with a code it uses it as typed; unlink takes nothing', () => {
    const code = 'lk_abcdefghijklmnopqrstuvwxyz234567';
    expect(cmd('org link')).toEqual({ name: 'org link', code: null });
    expect(cmd(`ORG LINK ${code}`)).toEqual({ name: 'org link', code });
    expect(refused(`org link ${code} extra`)).toBe('Unexpected "extra": `org link [<code>]`.');
    expect(cmd('org unlink')).toEqual({ name: 'org unlink' });
    expect(refused('org unlink now')).toBe('Unexpected "now": `org unlink`.');
  });
});

describe('scim token and scim off', () => {
  it('take nothing; scim alone says which to use', () => {
    expect(cmd('scim token')).toEqual({ name: 'scim token' });
    expect(cmd('/seats SCIM Off')).toEqual({ name: 'scim off' });
    expect(refused('scim token now')).toBe('Unexpected "now": `scim token`.');
    const options =
      'Say what to do with the scim: `scim token`, `scim off`, `scim defaults [free-seat|stop-renew|former on|off]`.';
    expect(refused('scim')).toBe(options);
    expect(refused('scim on')).toBe(options);
  });

  it('scim defaults shows them, or changes one option on or off', () => {
    expect(cmd('scim defaults')).toEqual({ name: 'scim defaults', option: null, on: false });
    expect(cmd('scim defaults Former OFF')).toEqual({ name: 'scim defaults', option: 'former', on: false });
    expect(cmd('scim defaults free-seat on')).toEqual({
      name: 'scim defaults',
      option: 'free-seat',
      on: true,
    });
    expect(refused('scim defaults seat on')).toBe(
      'Say which option: free-seat, stop-renew or former: `scim defaults [free-seat|stop-renew|former on|off]`.',
    );
    expect(refused('scim defaults former')).toBe(
      'Say on or off: `scim defaults [free-seat|stop-renew|former on|off]`.',
    );
  });
});

describe('org create', () => {
  it('takes a name of one or many words, monthly by default', () => {
    expect(cmd('org create Acme')).toEqual({ name: 'org create', orgName: 'Acme', period: 'month' });
    expect(cmd('org create Acme Sales EU')).toEqual({
      name: 'org create',
      orgName: 'Acme Sales EU',
      period: 'month',
    });
  });

  it('reads the period at the end, in any case', () => {
    expect(cmd('org create Acme yearly')).toEqual({ name: 'org create', orgName: 'Acme', period: 'year' });
    expect(cmd('ORG CREATE Acme YEAR')).toEqual({ name: 'org create', orgName: 'Acme', period: 'year' });
    expect(cmd('org create Acme Monthly')).toEqual({ name: 'org create', orgName: 'Acme', period: 'month' });
    expect(cmd('org create Acme month')).toEqual({ name: 'org create', orgName: 'Acme', period: 'month' });
  });

  it('keeps a quoted name whole, with its case and inner spacing', () => {
    expect(cmd('org create "Acme  Sales" yearly')).toEqual({
      name: 'org create',
      orgName: 'Acme  Sales',
      period: 'year',
    });
    expect(cmd('org create “Acme Yearly”')).toEqual({
      name: 'org create',
      orgName: 'Acme Yearly',
      period: 'month',
    });
  });

  it('refuses a missing or too long name', () => {
    const u = '`org create <name> [monthly|yearly]`';
    expect(refused('org create')).toBe(`Give the organization a name: ${u}.`);
    expect(refused('org create yearly')).toBe(`Give the organization a name: ${u}.`);
    expect(refused('org create ""')).toBe(`Give the organization a name: ${u}.`);
    expect(refused(`org create ${'x'.repeat(81)}`)).toBe('Keep the organization name to 80 characters.');
    expect(cmd(`org create ${'x'.repeat(80)}`)).toMatchObject({ orgName: 'x'.repeat(80) });
  });
});

describe('edition and module', () => {
  it('edition takes one name, lowercased', () => {
    expect(cmd('edition Plus')).toEqual({ name: 'edition', edition: 'plus' });
    expect(refused('edition')).toBe('Name the edition: `edition standard` or `edition plus`.');
    expect(refused('edition plus now')).toBe('Unexpected "now": `edition <name>`.');
  });

  it('module takes add or remove and a name', () => {
    expect(cmd('module add SSO')).toEqual({ name: 'module', op: 'add', module: 'sso' });
    expect(cmd('MODULE Remove audit-export')).toEqual({
      name: 'module',
      op: 'remove',
      module: 'audit-export',
    });
    expect(refused('module')).toBe('Say add or remove: `module add|remove <name>`.');
    expect(refused('module enable sso')).toBe('Say add or remove: `module add|remove <name>`.');
    expect(refused('module add')).toBe('Name the module: `module add|remove <name>`.');
    expect(refused('module add sso now')).toBe('Unexpected "now": `module add|remove <name>`.');
  });
});
