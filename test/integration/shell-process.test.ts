import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, usingPglite } from '../support/db.ts';

/**
 * `npm run shell` as a person would script it: the real entry point as a child process, on a
 * fresh embedded database (a temporary DATA_DIR, no DATABASE_URL), commands piped to stdin,
 * replies read from stdout. Dates and prorated amounts follow the real clock, so they are
 * matched loosely.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TIMEOUT = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** tsx by its own path, so the shell also starts from a folder outside the project */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const shell = (
  dataDir: string | null,
  as: string,
  lines: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> =>
  new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    if (dataDir) env.DATA_DIR = dataDir;
    else delete env.DATA_DIR;
    for (const k of [
      'DATABASE_URL',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'API_TOKEN',
      'NODE_OPTIONS',
    ])
      delete env[k];
    Object.assign(env, opts.env);
    const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/shell.ts'), '--as', as], {
      cwd: opts.cwd ?? ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the shell did not finish in time.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, TIMEOUT - 5_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });

/**
 * stdout cut into the part each typed command produced, keyed by the echoed "who> command" line
 * (the prompt is the person typing it: `as carol` is echoed after the previous person's prompt).
 */
const transcript = (stdout: string) => {
  const parts: { prompt: string; out: string[] }[] = [{ prompt: '(start)', out: [] }];
  for (const line of stdout.split('\n')) {
    if (/^\S+@\S+> \S/.test(line)) parts.push({ prompt: line, out: [] });
    else parts.at(-1)!.out.push(line);
  }
  return parts;
};

describe('the shell as a process, on a fresh embedded database', () => {
  let dataDir: string;
  let first: Run;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'seatkeeper-shell-'));
    first = await shell(dataDir, 'alice@example.com', [
      '# what Acme has before',
      'status',
      'invite frank@example.com plan pro',
      'as frank@example.com',
      'click 1',
      'as alice@example.com',
      'assign erin@example.com business',
      'as carol@example.com',
      'add 2 pro',
      'status',
      'as bob@example.com',
      'click 3',
      'as carol@example.com',
      'as alice@example.com',
      'offboard',
      'dave@example.com, frank@example.com',
      'y',
      '',
      'n',
      'status',
      'as dave@example.com',
      'status',
      'quit',
      'status',
    ]);
  }, TIMEOUT);

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const section = (prompt: string, nth = 0) => {
    const found = transcript(first.stdout).filter((p) => p.prompt === prompt);
    expect(found.length, `"${prompt}" in:\n${first.stdout}`).toBeGreaterThan(nth);
    return found[nth]!.out.join('\n');
  };

  it('exits cleanly, with nothing on stderr', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
  });

  it('says first where its data is, and that `npm start` uses another folder', () => {
    expect(first.stdout.split('\n')[0]).toBe(
      `Data: the embedded database in ${dataDir} (from DATA_DIR); \`npm start\` uses ./.data unless given the same DATA_DIR.`,
    );
  });

  it('seeds the demo on first run', () => {
    expect(first.stdout.split('\n')[1]).toBe(
      'Seeded the demo organization Acme: owner alice@example.com, admin bob@example.com, members carol@example.com, dave@example.com, erin@example.com; frank@example.com is not in it yet.',
    );
  });

  it('echoes each command after its prompt; a comment gets no answer', () => {
    const [, comment, status] = transcript(first.stdout);
    expect(comment).toEqual({ prompt: 'alice@example.com> # what Acme has before', out: [] });
    expect(status?.prompt).toBe('alice@example.com> status');
  });

  it('shows the seats before', () => {
    const out = section('alice@example.com> status');
    expect(out).toContain('• Acme: 3 of 7 seats assigned, 4 free.');
    expect(out).toContain('    Auto-assign: off');
    expect(out).toMatch(/^ {4}- Pro: 4 purchased, 2 assigned, 2 free, 0 ending — renews \d{4}-\d\d-\d\d$/m);
    expect(out).toMatch(
      /^ {4}- Business: 3 purchased, 1 assigned, 2 free, 0 ending — renews \d{4}-\d\d-\d\d$/m,
    );
  });

  it('invites, and the invitee accepts from their inbox', () => {
    expect(section('alice@example.com> invite frank@example.com plan pro')).toContain(
      '✓ Invited 1 person as a member with a Pro seat: frank@example.com. They get a message to accept; the invitation lasts 7 days.',
    );
    const inbox = section('alice@example.com> as frank@example.com');
    expect(inbox).toContain('(now typing as frank@example.com)');
    expect(inbox).toContain('  ✉ message for frank@example.com:');
    expect(inbox).toMatch(
      /• alice@example\.com invites you to Acme as a member with a Pro seat\. The invitation lasts until \w{3} \d+, \d{4}, \d\d:\d\d UTC\./,
    );
    expect(inbox).toContain('      [1] Accept');
    expect(inbox).toContain('      [2] Decline');
    expect(section('frank@example.com> click 1')).toContain(
      '✓ Welcome to Acme! You have a Pro seat. Your own plan is paused while the organization pays.',
    );
    expect(section('frank@example.com> as alice@example.com')).toContain(
      '• frank@example.com joined Acme on Pro.',
    );
  });

  it('assigns a plan', () => {
    expect(section('alice@example.com> assign erin@example.com business')).toContain(
      '✓ erin@example.com now has a Business seat.',
    );
  });

  it('a member asks for seats; a member sees only their own plan', () => {
    const out = section('carol@example.com> add 2 pro');
    expect(out).toContain(
      "✓ Your request for 2 Pro seats went to 2 approvers. You'll hear when it is decided.",
    );
    expect(out).toMatch(/^ {4}Charged now \(prorated\): €\d+\.\d\d$/m);
    expect(out).toContain('    New recurring total: €180.00 per month');
    expect(section('carol@example.com> status')).toContain('• You are a member of Acme on the Pro plan.');
  });

  it('a second user approves with a button; the requester is told', () => {
    const inbox = section('carol@example.com> as bob@example.com');
    expect(inbox).toContain('• carol@example.com asks for 2 Pro seats in Acme.');
    // numbers are the session's: Frank's Accept and Decline were 1 and 2
    expect(inbox).toContain('      [3] Approve');
    expect(inbox).toContain('      [4] Reject (asks first)');
    expect(section('bob@example.com> click 3')).toMatch(
      /✓ Approved: 2 Pro seats added, €\d+\.\d\d charged\. The requester is told\./,
    );
    expect(section('bob@example.com> as carol@example.com')).toMatch(
      /• Approved and paid: 2 Pro seats added to Acme \(€\d+\.\d\d\)\./,
    );
  });

  it('offboards two members through the form, field by field', () => {
    const form = section('alice@example.com> offboard');
    expect(form).toContain('• Pick the leavers and what happens to their seats.');
    expect(form).toContain('  Offboard leavers — Leavers');
    expect(form).toMatch(/^ {4}\d\) dave@example\.com \(Pro\)$/m);
    expect(form).toMatch(/^ {4}\d\) frank@example\.com \(Pro\)$/m);
    expect(form).not.toContain('alice@example.com (');
    expect(form).toContain('  Offboard leavers — Free their seat for someone else (optional)');
    expect(form).toContain('  y/n [y] > ');
    expect(form).toContain('  Offboard leavers — Mark as former (hidden from lists) (optional)');
    expect(form).toContain('✓ Offboarded 2 people. Their data stays.');
    expect(form).toContain('    - dave@example.com: can no longer sign in; Pro seat freed');
    expect(form).toContain('    - frank@example.com: can no longer sign in; Pro seat freed');
  });

  it('shows the seats after: two more pro seats, two freed by offboarding, one business given', () => {
    const out = section('alice@example.com> status', 1);
    expect(out).toContain('• Acme: 3 of 9 seats assigned, 6 free.');
    expect(out).toMatch(/^ {4}- Pro: 6 purchased, 1 assigned, 5 free, 0 ending — renews \d{4}-\d\d-\d\d$/m);
    expect(out).toMatch(
      /^ {4}- Business: 3 purchased, 2 assigned, 1 free, 0 ending — renews \d{4}-\d\d-\d\d$/m,
    );
  });

  it('an offboarded member is told, and can no longer use the organization', () => {
    expect(section('alice@example.com> as dave@example.com')).toContain(
      '• You were offboarded from Acme. You can no longer sign in there; your data stays.',
    );
    expect(section('dave@example.com> status')).toContain(
      '✗ [detached] Your access to Acme was removed. Ask an admin if this is a mistake.',
    );
  });

  it('stops at quit', () => {
    const prompts = transcript(first.stdout).map((p) => p.prompt);
    expect(prompts.at(-1)).toBe('dave@example.com> status');
  });

  it(
    'a second run on the same DATA_DIR keeps the data and does not seed again',
    async () => {
      const again = await shell(dataDir, 'Bob@Example.com', ['members', 'unknowncommand']);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('Seeded');
      const lines = again.stdout.split('\n');
      expect(lines[0]).toMatch(/^Data: the embedded database in /);
      expect(lines[1]).toBe('bob@example.com> members');
      expect(lines).toContain('    - erin@example.com — member, Business');
      // offboarded without "mark as former": still listed, marked
      expect(lines).toContain('    - dave@example.com — member, Free, offboarded');
      expect(lines).toContain('    - frank@example.com — member, Free, offboarded');
      expect(lines).toContain('✗ [invalid_input] Unknown command "unknowncommand". Type help for the list.');
    },
    TIMEOUT,
  );

  it(
    'without DATA_DIR the shell keeps its own data in ./.data/shell, apart from `npm start`’s ./.data',
    async () => {
      const cwd = await mkdtemp(join(tmpdir(), 'seatkeeper-shell-cwd-'));
      try {
        const run = await shell(null, 'alice@example.com', ['status'], { cwd });
        expect(run.stderr).toBe('');
        const lines = run.stdout.split('\n');
        expect(lines[0]).toBe(
          "Data: the shell's own embedded database in ./.data/shell (`npm start` uses ./.data; set DATA_DIR to choose another).",
        );
        expect(lines[1]).toMatch(/^Seeded the demo organization Acme/);
        expect((await stat(join(cwd, '.data/shell/pg'))).isDirectory()).toBe(true);
        await expect(stat(join(cwd, '.data/pg'))).rejects.toThrow(/ENOENT/);
      } finally {
        await rm(cwd, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  it(
    'with DATABASE_URL it says the database is shared with `npm start` by design',
    async () => {
      const db = await freshDb();
      try {
        if (!db.url) return expect(usingPglite).toBe(true);
        const run = await shell(dataDir, 'alice@example.com', ['status'], { env: { DATABASE_URL: db.url } });
        expect(run.stderr).toBe('');
        expect(run.stdout.split('\n')[0]).toBe(
          'Data: the PostgreSQL database of DATABASE_URL, shared by design with `npm start` and its worker on the same DATABASE_URL (the worker may deliver direct messages before the shell shows them).',
        );
        expect(run.stdout).toContain('• Acme: 3 of 7 seats assigned, 4 free.');
      } finally {
        await db.close();
      }
    },
    TIMEOUT,
  );
});
