import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellSession } from '../../adapters/shell/session.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { parseCommand } from '../../src/commands/grammar.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { exportAudit } from '../../src/service/export-audit.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { auditRows, type OrgFixture, orgWith } from '../support/fixtures.ts';
import { linkByName } from '../support/links.ts';
import { csvKeys, trailKeys } from '../support/read-csv.ts';

/**
 * `audit export <from> <to>` through the command layer (text in, neutral Reply with its file
 * out) on the Acme demo, in a linked Slack workspace and in the shell; and in the shell session,
 * which writes the file next to the person.
 */

let db: TestDb;
let acmeId: string;
let globex: OrgFixture;
let dir: string;
const logged: unknown[] = [];
const WORKSPACE = { platform: 'slack' as const, workspaceId: 'T0ACME' };

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-01T09:00:00Z');
  await seedDemo(db.ctx);
  acmeId = await linkByName(db, WORKSPACE, DEMO.organization);
  globex = await orgWith(db, { name: 'Globex', admins: 1 });
  db.clock.set('2026-03-31T23:59:59Z');
  await assignPlan(
    db.ctx,
    { email: DEMO.admin },
    { organizationId: acmeId, member: DEMO.members[2]!, plan: 'pro' },
  );
  dir = await mkdtemp(join(tmpdir(), 'seatkeeper-export-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  await db?.close();
});

const inChat = (email: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  service: db.ctx,
  actor: { email },
  workspace: WORKSPACE,
  organizationId: acmeId,
  ...extra,
});
const say = (c: CommandContext, text: string): Promise<Reply> => runCommand(c, text, (e) => logged.push(e));

const march = async (organizationId: string) =>
  (await auditRows(db, { organizationId })).filter(
    (e) => e.at >= new Date('2026-03-01T00:00:00Z') && e.at < new Date('2026-04-01T00:00:00Z'),
  );

describe('parsing', () => {
  it('`audit export <from> <to>` is its own command, not `audit` with a person called "export"', () => {
    expect(parseCommand('audit export 2026-03-01 2026-03-31')).toEqual({
      ok: true,
      command: { name: 'audit export', from: '2026-03-01', to: '2026-03-31' },
    });
    expect(parseCommand('/seats AUDIT Export 2026-03-01 2026-03-31')).toMatchObject({
      ok: true,
      command: { name: 'audit export' },
    });
    // `audit` itself is unchanged
    expect(parseCommand('audit ana@example.com 50')).toMatchObject({
      ok: true,
      command: { name: 'audit', limit: 50 },
    });
  });

  it('missing or extra days are one line with the usage, in the reader’s language', () => {
    expect(parseCommand('audit export 2026-03-01')).toEqual({
      ok: false,
      error:
        'Give the first and the last day: `audit export <from> <to>`, for example `audit export 2026-01-01 2026-03-31`.',
      suggestion: null,
    });
    expect(parseCommand('audit export', wordsFor('fr'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Indiquez le premier et le dernier jour/),
    });
    expect(parseCommand('audit export 2026-03-01 2026-03-31 now')).toMatchObject({
      ok: false,
      error: 'Unexpected "now": `audit export <from> <to>`.',
    });
  });
});

describe('the reply: one line and the file', () => {
  it('an admin gets the line and the CSV; its rows equal the audit trail of those days', async () => {
    const r = await say(inChat(DEMO.admin), 'audit export 2026-03-01 2026-03-31');
    const trail = await march(acmeId);
    expect(r.tone).toBe('info');
    expect(r.private).toBe(true);
    expect(r.text).toBe(`Audit of 2026-03-01 to 2026-03-31: ${trail.length} changes, in the attached file.`);
    expect(r.file).toMatchObject({
      name: 'audit-2026-03-01-to-2026-03-31.csv',
      mimeType: 'text/csv',
      source: { organizationId: acmeId, from: '2026-03-01', to: '2026-03-31' },
    });
    expect(Object.keys(r.file!.source!).sort()).toEqual(['from', 'organizationId', 'to']);
    expect(csvKeys(r.file!.content)).toEqual(trailKeys(trail));
    // the same file the use case makes
    const x = await exportAudit(
      db.ctx,
      { email: DEMO.admin },
      { organizationId: acmeId, from: '2026-03-01', to: '2026-03-31' },
    );
    expect(r.file!.content).toBe(x.csv);
  });

  it('in French (and Dutch): the line in the reader’s language, the file the same', async () => {
    const fr = await say(inChat(DEMO.owner, { locale: 'fr' }), 'audit export 2026-03-01 2026-03-31');
    const n = (await march(acmeId)).length;
    expect(fr.text).toBe(`Audit du 2026-03-01 au 2026-03-31 : ${n} modifications, dans le fichier joint.`);
    const nl = await say(inChat(DEMO.owner, { locale: 'nl' }), 'audit export 2026-03-01 2026-03-31');
    expect(nl.text).toBe(
      `Audit van 2026-03-01 tot 2026-03-31: ${n} wijzigingen, in het bijgevoegde bestand.`,
    );
    expect(fr.file!.content).toBe(nl.file!.content);
    const one = await say(inChat(DEMO.owner, { locale: 'fr' }), 'audit export 2026-03-31 2026-03-31');
    expect(one.text).toBe('Audit du 2026-03-31 au 2026-03-31 : 1 modification, dans le fichier joint.');
    const none = await say(inChat(DEMO.owner), 'audit export 2025-03-01 2025-03-31');
    expect(none.text).toBe('Audit of 2025-03-01 to 2025-03-31: no changes, in the attached file.');
    expect(csvKeys(none.file!.content)).toEqual([]);
  });

  it('refusals are one line with no file: a member, a bad day, a backwards or too long period; in French too', async () => {
    const member = await say(inChat(DEMO.members[0]!), 'audit export 2026-03-01 2026-03-31');
    expect(member).toMatchObject({ tone: 'error', code: 'forbidden' });
    expect(member.file).toBeUndefined();
    const bad = await say(inChat(DEMO.admin), 'audit export 2026-02-30 2026-03-31');
    expect(bad).toMatchObject({ tone: 'error', code: 'invalid_input' });
    expect(bad.text).toMatch(/^Invalid input: from "2026-02-30" is not a day/);
    const backwards = await say(inChat(DEMO.admin, { locale: 'fr' }), 'audit export 2026-03-31 2026-03-01');
    expect(backwards.text).toMatch(
      /^La période se termine le 2026-03-01, avant de commencer le 2026-03-31\./,
    );
    expect(backwards.file).toBeUndefined();
    const long = await say(inChat(DEMO.admin), 'audit export 2025-01-01 2026-03-31');
    expect(long.text).toMatch(/^An export covers at most 366 days/);
    for (const r of [member, bad, backwards, long]) expect(r.text.split('\n')).toHaveLength(1);
  });

  it('another organization’s admin in Acme’s workspace gets nothing of Acme; in the shell, their own trail only', async () => {
    const other = globex.admins[0]!.email;
    const inAcme = await say(inChat(other), 'audit export 2026-03-01 2026-03-31');
    expect(inAcme).toMatchObject({ tone: 'error', code: 'not_found' });
    expect(inAcme.file).toBeUndefined();
    const own = await say({ service: db.ctx, actor: { email: other } }, 'audit export 2026-03-01 2026-03-31');
    expect(csvKeys(own.file!.content)).toEqual(trailKeys(await march(globex.org.id)));
    for (const e of [DEMO.owner, DEMO.admin, ...DEMO.members]) expect(own.file!.content).not.toContain(e);
  });

  it('help lists it with its summary; `help audit` points to it', async () => {
    const help = await say(inChat(DEMO.admin), 'help');
    expect(help.sections![0]!.lines).toContain(
      '`audit export <from> <to>` — Every change and charge from one day to another (UTC, both included) as a CSV file, for auditors (admins).',
    );
    const audit = await say(inChat(DEMO.admin), 'help audit');
    expect(audit.fields).toContainEqual({ label: 'See also', value: '`audit export <from> <to>`' });
  });
});

describe('the shell writes the file into the current directory, never over another', () => {
  it('says the path; the second export of the same days gets -1, then -2', async () => {
    const shell = new ShellSession(db.ctx, DEMO.admin, (e) => logged.push(e), dir);
    const first = await shell.handle('audit export 2026-03-01 2026-03-31');
    const path = join(dir, 'audit-2026-03-01-to-2026-03-31.csv');
    expect(first).toContain(`  Written to ${path}.`);
    expect(csvKeys(await readFile(path, 'utf8'))).toEqual(trailKeys(await march(acmeId)));
    const before = await readFile(path, 'utf8');
    expect((await shell.handle('audit export 2026-03-01 2026-03-31')).join('\n')).toContain(
      join(dir, 'audit-2026-03-01-to-2026-03-31-1.csv'),
    );
    expect((await shell.handle('audit export 2026-03-01 2026-03-31')).join('\n')).toContain(
      join(dir, 'audit-2026-03-01-to-2026-03-31-2.csv'),
    );
    expect(await readFile(path, 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual([
      'audit-2026-03-01-to-2026-03-31-1.csv',
      'audit-2026-03-01-to-2026-03-31-2.csv',
      'audit-2026-03-01-to-2026-03-31.csv',
    ]);
  });

  it('a refusal writes nothing', async () => {
    const shell = new ShellSession(db.ctx, DEMO.members[0]!, (e) => logged.push(e), dir);
    const before = await readdir(dir);
    const out = await shell.handle('audit export 2026-03-01 2026-03-31');
    expect(out[0]).toMatch(/^✗ \[forbidden\] /);
    expect(await readdir(dir)).toEqual(before);
  });

  it('logged nothing unexpected', () => {
    expect(logged).toEqual([]);
  });
});
