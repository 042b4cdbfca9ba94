/**
 * Runs the Dockerfile's steps without Docker (CI machines have no engine, and images cannot be
 * pulled): each stage gets a temporary root, COPY copies from the build context (minus
 * .dockerignore) or from an earlier stage, RUN runs its command there with the stage's ENV, and
 * the final stage's CMD is started against a fresh PostgreSQL database until its HEALTHCHECK
 * passes. Then: no devDependency is left in the image, and the process stops on SIGTERM.
 *
 * Only the instructions below are understood; anything else fails, so the Dockerfile cannot grow
 * a step CI does not run. Not rehearsed: the base image itself (Node comes from PATH, so run this
 * with the Node the image uses first on PATH) and `--chown` (needs root and the image's user).
 *
 * Usage: tsx .ci/rehearse-dockerfile.ts [Dockerfile]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const context = path.resolve(import.meta.dirname, '..');
const dockerfile = path.resolve(context, process.argv[2] ?? 'Dockerfile');

interface Instruction {
  line: number;
  op: string;
  args: string;
}

interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string;
  cmd?: string[];
  healthcheck?: string[];
}

const fail = (message: string): never => {
  throw new Error(message);
};

/** Instructions, with `\` continuations joined and comments dropped. */
const parseDockerfile = (text: string): Instruction[] => {
  const out: Instruction[] = [];
  let buf = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!buf && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    if (!buf) start = i + 1;
    if (line.endsWith('\\')) {
      buf += `${line.slice(0, -1)} `;
      return;
    }
    buf += line;
    const m = /^\s*(\w+)\s+([\s\S]*)$/.exec(buf);
    if (!m) fail(`Dockerfile line ${start}: cannot read "${buf}"`);
    out.push({ line: start, op: m![1]!.toUpperCase(), args: m![2]!.trim() });
    buf = '';
  });
  return out;
};

/** `--name=value` flags in front of an instruction's arguments. */
const flags = (args: string) => {
  const found: Record<string, string> = {};
  let rest = args;
  for (let m = /^--([\w-]+)=(\S+)\s+/.exec(rest); m; m = /^--([\w-]+)=(\S+)\s+/.exec(rest)) {
    found[m[1]!] = m[2]!;
    rest = rest.slice(m[0].length);
  }
  return { flags: found, rest };
};

/** The exec form (a JSON array) of CMD and HEALTHCHECK CMD; the shell form runs through sh. */
const command = (args: string) =>
  args.startsWith('[') ? (JSON.parse(args) as string[]) : ['sh', '-c', args];

/** .dockerignore patterns as a test on a context-relative path (a match excludes its subtree). */
const ignoreRules = (file: string) => {
  if (!existsSync(file)) return () => false;
  const rules = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      if (l.startsWith('!')) fail('.dockerignore exceptions (!) are not rehearsed');
      const re = l
        .replace(/^\/+|\/+$/g, '')
        .replace(/[.+^${}()|[\]]/g, '\\$&')
        .replace(/\*\*/g, '%%ANY%%')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/%%ANY%%/g, '.*');
      return new RegExp(`^${re}(/|$)`);
    });
  return (rel: string) => rules.some((r) => r.test(rel));
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const main = async () => {
  const instructions = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const ignored = ignoreRules(path.join(context, '.dockerignore'));
  const tmp = mkdtempSync(path.join(tmpdir(), 'seatkeeper-image-'));
  const stages: Stage[] = [];
  // the environment a build step sees: the image's ENV, PATH (for node and npm), a home for npm's cache
  const baseEnv = () => ({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
    // CI has just installed the same lockfile: take tarballs from npm's cache instead of the network
    npm_config_prefer_offline: 'true',
  });
  const inStage = (s: Stage, p: string) => path.join(s.root, path.posix.resolve(s.workdir, p));
  let db: { name: string; admin: string } | undefined;
  let child: ChildProcess | undefined;
  try {
    for (const ins of instructions) {
      const where = `Dockerfile line ${ins.line} (${ins.op})`;
      const stage = stages.at(-1);
      if (ins.op !== 'FROM' && !stage) fail(`${where}: before any FROM`);
      const s = stage!;
      console.log(`[rehearsal] ${ins.op} ${ins.args}`);
      const t0 = Date.now();
      switch (ins.op) {
        case 'FROM': {
          const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args) ?? fail(`${where}: cannot read`);
          const root = path.join(tmp, `stage${stages.length}`);
          mkdirSync(root, { recursive: true });
          stages.push({ name: m[2] ?? String(stages.length), root, workdir: '/', env: {}, user: 'root' });
          break;
        }
        case 'WORKDIR':
          s.workdir = path.posix.resolve(s.workdir, ins.args);
          mkdirSync(inStage(s, '.'), { recursive: true });
          break;
        case 'ENV':
          for (const m of ins.args.matchAll(/(\w+)=("[^"]*"|\S+)/g))
            s.env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
          break;
        case 'USER':
          s.user = ins.args;
          break;
        case 'EXPOSE':
          break;
        case 'COPY': {
          const { flags: f, rest } = flags(ins.args);
          const parts = rest.split(/\s+/);
          const dest = parts.pop()!;
          const from = f.from
            ? (stages.find((x) => x.name === f.from) ?? fail(`${where}: no stage ${f.from}`))
            : null;
          for (const src of parts) {
            const target =
              parts.length > 1 || dest.endsWith('/')
                ? path.join(inStage(s, dest), path.basename(src))
                : inStage(s, dest);
            const source = from
              ? path.join(from.root, path.posix.resolve(from.workdir, src))
              : path.join(context, src);
            if (!existsSync(source)) fail(`${where}: ${src} does not exist`);
            cpSync(source, target, {
              recursive: true,
              verbatimSymlinks: true,
              filter: (p) => from !== null || !ignored(path.relative(context, p).split(path.sep).join('/')),
            });
          }
          break;
        }
        case 'RUN': {
          const r = spawnSync('sh', ['-c', ins.args], {
            cwd: inStage(s, '.'),
            env: { ...baseEnv(), ...s.env },
            stdio: 'inherit',
          });
          if (r.status !== 0) fail(`${where}: "${ins.args}" exited with ${r.status ?? r.signal}`);
          break;
        }
        case 'HEALTHCHECK': {
          const { rest } = flags(ins.args);
          const m = /^CMD\s+([\s\S]+)$/.exec(rest) ?? fail(`${where}: expected CMD`);
          s.healthcheck = command(m[1]!);
          break;
        }
        case 'CMD':
          s.cmd = command(ins.args);
          break;
        default:
          fail(`${where}: not rehearsed; use only the instructions .ci/rehearse-dockerfile.ts understands`);
      }
      if (Date.now() - t0 > 1000) console.log(`[rehearsal]   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }

    const image = stages.at(-1) ?? fail('Dockerfile: no stage');
    if (image.user === 'root' || image.user === '0') fail('the image runs as root: add USER');
    if (!image.cmd) fail('the image has no CMD');
    if (!image.healthcheck) fail('the image has no HEALTHCHECK');
    // dev-only packages (the lockfile's `dev: true`; a devDependency a runtime package also needs stays)
    const lock = JSON.parse(readFileSync(path.join(context, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const dev = Object.entries(lock.packages)
      .filter(([p, meta]) => meta.dev && existsSync(inStage(image, p)))
      .map(([p]) => p);
    if (dev.length) fail(`dev dependencies in the image: ${dev.slice(0, 5).join(', ')}…`);

    const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    db = { name: `sk_image_${randomBytes(6).toString('hex')}`, admin };
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${db.name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${db.name}`;
    const port = await freePort();
    const runEnv = { ...baseEnv(), ...image.env, DATABASE_URL: url.toString(), PORT: String(port) };
    console.log(`[rehearsal] starting ${image.cmd!.join(' ')} on port ${port}`);
    let output = '';
    child = spawn(image.cmd![0]!, image.cmd!.slice(1), { cwd: inStage(image, '.'), env: runEnv });
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    const [hc, ...hcArgs] = image.healthcheck!;
    let healthy = false;
    for (let i = 0; i < 60 && !healthy && child.exitCode === null; i++) {
      await sleep(1000);
      healthy = spawnSync(hc!, hcArgs, { cwd: inStage(image, '.'), env: runEnv }).status === 0;
    }
    if (!healthy) fail(`the HEALTHCHECK never passed. Output:\n${output}`);
    // the stop handlers are set in the same step that logs startup (a SIGTERM before kills outright);
    // a request answered after that log line is answered after they are in place
    for (let i = 0; i < 30 && !output.includes('Seatkeeper listening'); i++) await sleep(500);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (!ready.ok) fail(`/readyz answered ${ready.status}: the database is not reached`);
    console.log('[rehearsal] healthy, database ready; stopping with SIGTERM');
    const exited = new Promise<string | number>((r) =>
      child!.once('exit', (code, signal) => r(code ?? signal ?? '?')),
    );
    child.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') fail('the process did not stop within 20 s of SIGTERM');
    if (code !== 0) fail(`the process exited with ${code} after SIGTERM. Output:\n${output}`);
    child = undefined;
    console.log('[rehearsal] the Dockerfile builds, starts healthy on PostgreSQL, and stops cleanly');
  } finally {
    child?.kill('SIGKILL');
    if (db) {
      const c = new pg.Client({ connectionString: db.admin });
      await c.connect();
      await c.query(`drop database if exists ${db.name} with (force)`);
      await c.end();
    }
    rmSync(tmp, { recursive: true, force: true });
  }
};

main().catch((e: Error) => {
  console.error(`[rehearsal] FAILED: ${e.message}`);
  process.exit(1);
});
