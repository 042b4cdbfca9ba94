import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const run = promisify(execFile);
const APP_ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pkg = (out: string, vars: Record<string, string | undefined>) => {
  const env = { ...process.env, ...vars };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return run('npm', ['run', '--silent', 'teams:package', '--', '--out', out], { env });
};

/** Reads a zip's entries from its central directory (what Teams does with the upload). */
const unzip = (buf: Buffer): Map<string, Buffer> => {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extra + comment;
  }
  return out;
};

/** Width, height and the alpha of the top-left pixel of an RGBA PNG without filters. */
const png = (b: Buffer) => {
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colourType = b.readUInt8(25);
  const idat = b.indexOf('IDAT');
  const raw = inflateSync(b.subarray(idat + 4, idat + 4 + b.readUInt32BE(idat - 4)));
  return { width, height, colourType, cornerAlpha: raw[4]!, bytes: raw.length };
};

// the fields the Teams manifest schema (v1.16) requires, with its limits
const required = z.object({
  $schema: z.string().url(),
  manifestVersion: z.string().regex(/^1\.(1[6-9]|[2-9]\d)$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: z.literal(APP_ID),
  developer: z.object({
    name: z.string().min(1).max(32),
    websiteUrl: z.string().url().startsWith('https://'),
    privacyUrl: z.string().url().startsWith('https://'),
    termsOfUseUrl: z.string().url().startsWith('https://'),
  }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z
    .array(
      z.object({
        botId: z.literal(APP_ID),
        scopes: z.array(z.enum(['personal', 'team', 'groupChat'])).min(1),
        commandLists: z
          .array(
            z.object({
              scopes: z.array(z.enum(['personal', 'team', 'groupChat'])),
              commands: z
                .array(z.object({ title: z.string().max(32), description: z.string().max(128) }))
                .max(10),
            }),
          )
          .max(3),
      }),
    )
    .length(1),
  validDomains: z.array(z.string().regex(/^[^/:]+(:\d+)?$/)),
});

describe('npm run teams:package', () => {
  it('builds an uploadable zip: manifest with the app id, both icons at the root', async () => {
    const out = join(dir, 'teams-app.zip');
    const r = await pkg(out, { TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'https://seats.example.com' });
    expect(r.stdout).toMatch(/Wrote .*teams-app\.zip/);
    const entries = unzip(readFileSync(out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = entries.get('manifest.json')!.toString('utf8');
    expect(text).not.toContain('${{');
    const manifest = required.parse(JSON.parse(text));
    expect(manifest.validDomains).toEqual(['seats.example.com']);
    const personal = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes('personal'))!;
    expect(personal.commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['help', 'status', 'add', 'offboard']),
    );

    const color = png(entries.get('color.png')!);
    expect(color).toMatchObject({ width: 192, height: 192, colourType: 6, cornerAlpha: 255 });
    expect(color.bytes).toBe(192 * (192 * 4 + 1));
    const outline = png(entries.get('outline.png')!);
    expect(outline).toMatchObject({ width: 32, height: 32, colourType: 6, cornerAlpha: 0 });
  });

  it('without a valid TEAMS_APP_ID it stops with one line saying what to set, and writes nothing', async () => {
    const out = join(dir, 'none.zip');
    for (const id of [undefined, 'not-a-guid']) {
      const err = (await pkg(out, { TEAMS_APP_ID: id }).catch((e: unknown) => e)) as {
        code: number;
        stderr: string;
      };
      expect(err.code).toBe(1);
      expect(
        err.stderr
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('Configuration error')),
      ).toEqual([
        expect.stringMatching(
          id
            ? /^Configuration error: TEAMS_APP_ID must be the bot’s Microsoft App ID/
            : /^Configuration error: TEAMS_APP_ID is not set/,
        ),
      ]);
    }
    expect(existsSync(out)).toBe(false);
  });
});
