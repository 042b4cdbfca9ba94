import { z } from 'zod';
import { MAX_SEATS_PER_REQUEST } from '../domain/quote.ts';
import { type Token, tokenize, tokenText } from './tokens.ts';
import { type Who, whoFrom } from './who.ts';

/** Every command of the chat grammar, typed. */
export type Command =
  | { name: 'help'; topic: string | null }
  | { name: 'status' }
  | { name: 'plans' }
  | { name: 'members'; former: boolean; page: number }
  | { name: 'audit'; who: Who | null; limit: number; page: number }
  | { name: 'requests'; page: number }
  | { name: 'invite'; who: Who[]; role: 'admin' | 'member'; plan: string | null }
  | { name: 'assign'; who: Who; plan: string }
  | { name: 'unassign'; who: Who }
  | { name: 'autoassign'; on: boolean }
  | { name: 'add'; quantity: number | null; plan: string | null }
  | { name: 'offboard'; who: Who[] }
  | { name: 'renew'; who: Who; on: boolean }
  | { name: 'role'; who: Who; role: 'admin' | 'member' | 'approver' | 'not-approver' }
  | { name: 'contract key' }
  | { name: 'contract connect'; key: string }
  | { name: 'contract disconnect' }
  | { name: 'org create'; orgName: string; period: 'month' | 'year' }
  | { name: 'org delete' }
  | { name: 'org link'; code: string | null }
  | { name: 'org unlink' }
  | { name: 'scim token' }
  | { name: 'scim off' }
  | { name: 'scim defaults'; option: 'free-seat' | 'stop-renew' | 'former' | null; on: boolean }
  | { name: 'owner'; who: Who }
  | { name: 'edition'; edition: string }
  | { name: 'module'; op: 'add' | 'remove'; module: string }
  | { name: 'billing' }
  | { name: 'cancel' }
  | { name: 'cancel undo' }
  | { name: 'upgrade' };

export type CommandName = Command['name'];

export interface CommandSpec {
  name: CommandName;
  syntax: string;
  summary: string;
  example: string;
}

/** The grammar as people read it in `help`; order is the order `help` lists. */
export const SPECS: readonly CommandSpec[] = [
  {
    name: 'help',
    syntax: 'help [command]',
    summary: 'List the commands, or explain one.',
    example: 'help add',
  },
  {
    name: 'status',
    syntax: 'status',
    summary: 'Seats per plan: purchased, assigned, free, ending, renewal date (members: your own plan).',
    example: 'status',
  },
  {
    name: 'plans',
    syntax: 'plans',
    summary: 'The plans you can buy seats of, with prices and features.',
    example: 'plans',
  },
  {
    name: 'members',
    syntax: 'members [--former] [--page <n>]',
    summary: 'Who is in the organization, with role and plan; pending invitations.',
    example: 'members --former',
  },
  {
    name: 'audit',
    syntax: 'audit [<who>] [<limit>] [--page <n>]',
    summary: 'The latest changes: who did what, when, before and after.',
    example: 'audit ana@example.com 50',
  },
  {
    name: 'requests',
    syntax: 'requests [--page <n>]',
    summary: 'Seat purchase requests and their state.',
    example: 'requests',
  },
  {
    name: 'invite',
    syntax: 'invite <who>... [as admin|member] [plan <plan>]',
    summary: 'Invite people by mention or email; they get Accept / Decline.',
    example: 'invite ana@example.com bo@example.com as member plan pro',
  },
  {
    name: 'assign',
    syntax: 'assign <who> <plan>',
    summary: 'Give a member a free seat of a plan.',
    example: 'assign ana@example.com pro',
  },
  {
    name: 'unassign',
    syntax: 'unassign <who>',
    summary: 'Move a member to free; shows what stops working first.',
    example: 'unassign ana@example.com',
  },
  {
    name: 'autoassign',
    syntax: 'autoassign on|off',
    summary: 'Give a free seat automatically when a member first uses a paid feature.',
    example: 'autoassign on',
  },
  {
    name: 'add',
    syntax: 'add <n> <plan>',
    summary: 'Ask for more seats: shows the prorated quote, then goes for approval.',
    example: 'add 3 pro',
  },
  {
    name: 'offboard',
    syntax: 'offboard [<who>...]',
    summary: 'Offboard leavers; with no names it opens the offboarding form.',
    example: 'offboard ana@example.com',
  },
  {
    name: 'renew',
    syntax: 'renew <who> on|off',
    summary: "Turn a seat's auto-renew on or off (off: usable until period end, then not billed).",
    example: 'renew ana@example.com off',
  },
  {
    name: 'role',
    syntax: 'role <who> admin|member|approver|not-approver',
    summary: 'Change a role, or mark an admin as billing approver (owner).',
    example: 'role ana@example.com approver',
  },
  {
    name: 'contract key',
    syntax: 'contract key',
    summary: 'Contract managers: show the key that connects your contract to an organization.',
    example: 'contract key',
  },
  {
    name: 'contract connect',
    syntax: 'contract connect <key>',
    summary: 'Connect a contract to this organization with its connection key.',
    example: 'contract connect ck_abcdefghijklmnopqrstuvwxyz234567',
  },
  {
    name: 'contract disconnect',
    syntax: 'contract disconnect',
    summary: 'Disconnect the connected contract (its plans freeze).',
    example: 'contract disconnect',
  },
  {
    name: 'org create',
    syntax: 'org create <name> [monthly|yearly]',
    summary: 'Create an organization that pays for its members (needs the business plan).',
    example: 'org create "Acme Sales" yearly',
  },
  {
    name: 'org delete',
    syntax: 'org delete',
    summary: 'Delete the organization; everyone returns to their own plan (owner).',
    example: 'org delete',
  },
  {
    name: 'org link',
    syntax: 'org link [<code>]',
    summary:
      'Link another Slack workspace or Teams tenant: `org link` here gives a one-time code, `org link <code>` there uses it (admins).',
    example: 'org link',
  },
  {
    name: 'org unlink',
    syntax: 'org unlink',
    summary: 'Unlink this workspace or tenant from the organization (owner; not the last one).',
    example: 'org unlink',
  },
  {
    name: 'scim token',
    syntax: 'scim token',
    summary:
      'Connect an identity provider (Okta, Entra ID): the SCIM base URL and a bearer token, shown once; again: a new token (admins).',
    example: 'scim token',
  },
  {
    name: 'scim off',
    syntax: 'scim off',
    summary: 'Revoke the SCIM token: the identity provider can no longer provision or offboard (admins).',
    example: 'scim off',
  },
  {
    name: 'scim defaults',
    syntax: 'scim defaults [free-seat|stop-renew|former on|off]',
    summary:
      "What the identity provider's offboarding does to a leaver: free the seat, stop its auto-renew, mark former (all on until changed; admins).",
    example: 'scim defaults former off',
  },
  {
    name: 'owner',
    syntax: 'owner <who>',
    summary: 'Hand ownership to another member (owner).',
    example: 'owner ana@example.com',
  },
  {
    name: 'edition',
    syntax: 'edition <name>',
    summary: 'Change the edition: standard or plus (owner).',
    example: 'edition plus',
  },
  {
    name: 'module',
    syntax: 'module add|remove <name>',
    summary: 'Add or remove an add-on module (owner).',
    example: 'module add sso',
  },
  {
    name: 'billing',
    syntax: 'billing',
    summary: 'See and edit billing details (owner).',
    example: 'billing',
  },
  {
    name: 'cancel',
    syntax: 'cancel',
    summary: 'Cancel: access stays until the paid-through date (owner).',
    example: 'cancel',
  },
  {
    name: 'cancel undo',
    syntax: 'cancel undo',
    summary: 'Take the cancellation back before it takes effect (owner).',
    example: 'cancel undo',
  },
  {
    name: 'upgrade',
    syntax: 'upgrade',
    summary: 'Upgrade your own plan to Business (needed to create an organization).',
    example: 'upgrade',
  },
];

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; error: string; suggestion: string | null };

class Refusal extends Error {}
const refuse = (msg: string): never => {
  throw new Refusal(msg);
};

const plan = z
  .string()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/);
const count = z.coerce.number().int().min(1).max(MAX_SEATS_PER_REQUEST);

const lower = (t: Token | undefined) => (t ? tokenText(t).toLowerCase() : undefined);
const onOff = (t: Token | undefined, usage: string): boolean => {
  const v = lower(t);
  if (v === 'on' || v === 'off') return v === 'on';
  return refuse(`Say on or off: \`${usage}\`.`);
};
const oneWho = (t: Token | undefined, usage: string): Who =>
  (t && whoFrom(t)) ?? refuse(`Name a person by mention or email: \`${usage}\`.`);
const planName = (t: Token | undefined, usage: string): string => {
  const r = plan.safeParse(t ? tokenText(t) : '');
  return r.success ? r.data : refuse(`Name a plan: \`${usage}\` (see \`plans\`).`);
};
/** `--page <n>` (or `page <n>`) anywhere in a list command; page 1 when absent. */
const takePage = (a: Token[], usage: string): { page: number; rest: Token[] } => {
  const at = a.findIndex((t) => ['--page', 'page', '—page'].includes(lower(t)!));
  if (at < 0) return { page: 1, rest: a };
  const n = a[at + 1] ? tokenText(a[at + 1]!) : '';
  if (!/^\d{1,6}$/.test(n) || Number(n) < 1) refuse(`The page must be a number from 1: \`${usage}\`.`);
  return { page: Number(n), rest: [...a.slice(0, at), ...a.slice(at + 2)] };
};

const noMore = (rest: Token[], usage: string) => {
  if (rest.length > 0) refuse(`Unexpected "${tokenText(rest[0]!)}": \`${usage}\`.`);
};

const parseInvite = (args: Token[]): Command => {
  const usage = 'invite <who>... [as admin|member] [plan <plan>]';
  const who: Who[] = [];
  let role: 'admin' | 'member' = 'member';
  let planCode: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    const w = whoFrom(t);
    if (w) {
      who.push(w);
      continue;
    }
    const word = lower(t);
    if (word === 'as') {
      const r = lower(args[++i]);
      if (r !== 'admin' && r !== 'member') refuse(`After "as" say admin or member: \`${usage}\`.`);
      role = r as 'admin' | 'member';
    } else if (word === 'plan') {
      planCode = planName(args[++i], usage);
    } else if (word === 'and') {
    } else if (t.kind === 'word' && t.text.includes('@') && !t.text.startsWith('<')) {
      refuse(`"${t.text}" is not a valid email address: \`${usage}\`.`);
    } else {
      refuse(`"${tokenText(t)}" is not a mention or an email: \`${usage}\`.`);
    }
  }
  if (who.length === 0) refuse(`Name at least one person: \`${usage}\`.`);
  if (who.length > 50) refuse('Invite at most 50 people at once.');
  return { name: 'invite', who, role, plan: planCode };
};

type Parser = (args: Token[]) => Command;

/** A command that takes no arguments. */
const bare =
  (name: CommandName, usage: string): Parser =>
  (a) => {
    noMore(a, usage);
    return { name } as Command;
  };

const PARSERS: Record<CommandName, Parser> = {
  help: (a) => ({ name: 'help', topic: a.length ? a.map((t) => lower(t)).join(' ') : null }),
  status: bare('status', 'status'),
  plans: bare('plans', 'plans'),
  members: (a) => {
    const usage = 'members [--former] [--page <n>]';
    const { page, rest } = takePage(a, usage);
    const former = rest.some((t) => ['--former', 'former', '—former'].includes(lower(t)!));
    noMore(
      rest.filter((t) => !['--former', 'former', '—former'].includes(lower(t)!)),
      usage,
    );
    return { name: 'members', former, page };
  },
  audit: (a) => {
    let who: Who | null = null;
    let limit = 20;
    const { page, rest } = takePage(a, 'audit [<who>] [<limit>] [--page <n>]');
    for (const t of rest) {
      const w = whoFrom(t);
      if (w && !who) who = w;
      else if (/^\d+$/.test(tokenText(t))) {
        limit = Number(tokenText(t));
        if (limit < 1 || limit > 500) refuse('The limit must be between 1 and 500.');
      } else refuse(`Unexpected "${tokenText(t)}": \`audit [<who>] [<limit>] [--page <n>]\`.`);
    }
    return { name: 'audit', who, limit, page };
  },
  requests: (a) => {
    const usage = 'requests [--page <n>]';
    const { page, rest } = takePage(a, usage);
    noMore(rest, usage);
    return { name: 'requests', page };
  },
  invite: parseInvite,
  assign: (a) => {
    const usage = 'assign <who> <plan>';
    const who = oneWho(a[0], usage);
    const p = planName(a[1], usage);
    noMore(a.slice(2), usage);
    return { name: 'assign', who, plan: p };
  },
  unassign: (a) => {
    const who = oneWho(a[0], 'unassign <who>');
    noMore(a.slice(1), 'unassign <who>');
    return { name: 'unassign', who };
  },
  autoassign: (a) => {
    const on = onOff(a[0], 'autoassign on|off');
    noMore(a.slice(1), 'autoassign on|off');
    return { name: 'autoassign', on };
  },
  add: (a) => {
    const usage = 'add <n> <plan>';
    if (a.length === 0) return { name: 'add', quantity: null, plan: null };
    // "add 3 pro" and "add pro 3" both read naturally
    const [first, second] = a;
    const numberFirst = /^[+-]?\d/.test(tokenText(first!));
    const n = numberFirst ? first : second;
    const p = numberFirst ? second : first;
    const raw = n ? tokenText(n) : '';
    if (!/^\d+$/.test(raw)) {
      refuse(
        `The number of seats must be a whole number from 1 to ${MAX_SEATS_PER_REQUEST.toLocaleString('en-US')}: \`${usage}\`.`,
      );
    }
    const q = count.safeParse(raw);
    if (!q.success)
      refuse(`The number of seats must be from 1 to ${MAX_SEATS_PER_REQUEST.toLocaleString('en-US')}.`);
    const planCode = planName(p, usage);
    noMore(a.slice(2), usage);
    return { name: 'add', quantity: q.data!, plan: planCode };
  },
  offboard: (a) => {
    const who = a.map(
      (t) => whoFrom(t) ?? refuse(`"${tokenText(t)}" is not a mention or an email: \`offboard [<who>...]\`.`),
    );
    return { name: 'offboard', who };
  },
  renew: (a) => {
    const usage = 'renew <who> on|off';
    const who = oneWho(a[0], usage);
    const on = onOff(a[1], usage);
    noMore(a.slice(2), usage);
    return { name: 'renew', who, on };
  },
  role: (a) => {
    const usage = 'role <who> admin|member|approver|not-approver';
    const who = oneWho(a[0], usage);
    const r = lower(a[1]);
    const roles = ['admin', 'member', 'approver', 'not-approver'] as const;
    const role = roles.find((x) => x === r) ?? refuse(`Say which role: \`${usage}\`.`);
    noMore(a.slice(2), usage);
    return { name: 'role', who, role };
  },
  'contract key': bare('contract key', 'contract key'),
  'contract connect': (a) => {
    const usage = 'contract connect <key>';
    if (!a[0]) refuse(`Paste the connection key the contract manager shared: \`${usage}\`.`);
    noMore(a.slice(1), usage);
    return { name: 'contract connect', key: tokenText(a[0]!) };
  },
  'contract disconnect': bare('contract disconnect', 'contract disconnect'),
  'org create': (a) => {
    const usage = 'org create <name> [monthly|yearly]';
    const last = lower(a.at(-1));
    const period = last === 'yearly' || last === 'year' ? 'year' : 'month';
    const words = last && ['yearly', 'year', 'monthly', 'month'].includes(last) ? a.slice(0, -1) : a;
    const orgName = words.map(tokenText).join(' ').trim();
    if (!orgName) refuse(`Give the organization a name: \`${usage}\`.`);
    if (orgName.length > 80) refuse('Keep the organization name to 80 characters.');
    return { name: 'org create', orgName, period };
  },
  'org delete': bare('org delete', 'org delete'),
  'org link': (a) => {
    noMore(a.slice(1), 'org link [<code>]');
    return { name: 'org link', code: a[0] ? tokenText(a[0]) : null };
  },
  'org unlink': bare('org unlink', 'org unlink'),
  'scim token': bare('scim token', 'scim token'),
  'scim off': bare('scim off', 'scim off'),
  'scim defaults': (a) => {
    const usage = 'scim defaults [free-seat|stop-renew|former on|off]';
    if (!a[0]) return { name: 'scim defaults', option: null, on: false };
    const option = lower(a[0]);
    if (option !== 'free-seat' && option !== 'stop-renew' && option !== 'former')
      refuse(`Say which option: free-seat, stop-renew or former: \`${usage}\`.`);
    const on = onOff(a[1], usage);
    noMore(a.slice(2), usage);
    return { name: 'scim defaults', option: option as 'free-seat' | 'stop-renew' | 'former', on };
  },
  owner: (a) => {
    const who = oneWho(a[0], 'owner <who>');
    noMore(a.slice(1), 'owner <who>');
    return { name: 'owner', who };
  },
  edition: (a) => {
    if (!a[0]) refuse('Name the edition: `edition standard` or `edition plus`.');
    noMore(a.slice(1), 'edition <name>');
    return { name: 'edition', edition: lower(a[0])! };
  },
  module: (a) => {
    const usage = 'module add|remove <name>';
    const op = lower(a[0]);
    if (op !== 'add' && op !== 'remove') refuse(`Say add or remove: \`${usage}\`.`);
    if (!a[1]) refuse(`Name the module: \`${usage}\`.`);
    noMore(a.slice(2), usage);
    return { name: 'module', op: op as 'add' | 'remove', module: lower(a[1])! };
  },
  billing: bare('billing', 'billing'),
  cancel: bare('cancel', 'cancel'),
  'cancel undo': bare('cancel undo', 'cancel undo'),
  upgrade: bare('upgrade', 'upgrade'),
};

/** Edit distance, for "did you mean". */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
};

export const nearestCommand = (word: string): string | null => {
  const names = [...new Set(SPECS.map((s) => s.name.split(' ')[0]!))];
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = distance(word.toLowerCase().slice(0, 40), n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best && bestD <= Math.max(2, Math.floor(best.length / 2)) ? best : null;
};

const TWO_WORD = new Set<string>(SPECS.filter((s) => s.name.includes(' ')).map((s) => s.name));

/** Text → typed command, or one line that names the problem. Never throws. */
export const parseCommand = (text: string): ParseResult => {
  try {
    let tokens = tokenize(text.slice(0, 4000));
    // "/seats add 3 pro", "seats add 3 pro" (Teams) and "add 3 pro" are the same command
    if (tokens[0] && /^\/?seats$/i.test(tokenText(tokens[0]))) tokens = tokens.slice(1);
    if (tokens.length === 0) return { ok: true, command: { name: 'help', topic: null } };
    const first = lower(tokens[0])!;
    const second = lower(tokens[1]);
    const pair = second ? `${first} ${second}` : null;
    let name: CommandName | null = null;
    let args: Token[];
    if (pair && TWO_WORD.has(pair)) {
      name = pair as CommandName;
      args = tokens.slice(2);
    } else if (Object.hasOwn(PARSERS, first) && !TWO_WORD.has(first)) {
      name = first as CommandName;
      args = tokens.slice(1);
    } else if (first === 'contract' || first === 'org' || first === 'scim') {
      const options = SPECS.filter((s) => s.name.startsWith(`${first} `)).map((s) => `\`${s.syntax}\``);
      return {
        ok: false,
        error: `Say what to do with the ${first}: ${options.join(', ')}.`,
        suggestion: null,
      };
    } else if (first === 'cancel') {
      name = 'cancel';
      args = tokens.slice(1);
    } else {
      const suggestion = nearestCommand(first);
      return {
        ok: false,
        error: `Unknown command "${first.slice(0, 40)}".${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Type \`help\` for the list.`,
        suggestion,
      };
    }
    return { ok: true, command: PARSERS[name](args) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message, suggestion: null };
    return {
      ok: false,
      error: 'That command could not be read. Type `help` for the list.',
      suggestion: null,
    };
  }
};

export const specOf = (name: string): CommandSpec | undefined =>
  SPECS.find((s) => s.name === name) ?? SPECS.find((s) => s.name.startsWith(`${name} `));
