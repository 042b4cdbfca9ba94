import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layer check (`npm run layers`) run on small trees that each break one rule of the layout
// table: the check must name that rule and fail, and pass on a tree that keeps them all.
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = join(root, '.dependency-cruiser.cjs');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const cruise = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  dirs.push(dir);
  const tree = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true } }),
    'src/domain/money.ts': 'export const cents = (n: number) => n;\n',
    'src/service/ports.ts': "import { cents } from '../domain/money.ts';\nexport const zero = cents(0);\n",
    'db/repositories/accounts.ts':
      "import { cents } from '../../src/domain/money.ts';\nexport const one = cents(1);\n",
    'db/schemas/index.ts': 'export const schemas = [];\n',
    'adapters/shell/render.ts': 'export const line = (s: string) => s;\n',
    ...files,
  };
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(
    process.execPath,
    [cli, '--config', config, '--output-type', 'err', 'src', 'adapters', 'db'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
};

describe('the layer check', () => {
  it('passes a tree that keeps every rule', () => {
    const r = cruise({
      'src/service/use-case.ts':
        "import { one } from '../../db/repositories/accounts.ts';\nexport const x = one;\n",
      'src/commands/handler.ts': "import { x } from '../service/use-case.ts';\nexport const y = x;\n",
      'adapters/slack/render.ts': "import { y } from '../../src/commands/handler.ts';\nexport const z = y;\n",
    });
    expect(r.out).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });

  // one tree that breaks every rule once (one cruise is ~2 s), each break in its own file
  const broken: [rule: string, files: Record<string, string>][] = [
    [
      'domain-is-pure',
      {
        'src/domain/rule.ts':
          "import { one } from '../../db/repositories/accounts.ts';\nexport const r = one;\n",
      },
    ],
    [
      'service-only-domain-and-repositories',
      {
        'src/service/use-case.ts':
          "import { schemas } from '../../db/schemas/index.ts';\nexport const u = schemas;\n",
      },
    ],
    [
      'commands-never-db',
      {
        'src/commands/handler.ts':
          "import { one } from '../../db/repositories/accounts.ts';\nexport const h = one;\n",
      },
    ],
    [
      'adapters-never-db',
      {
        'adapters/teams/card.ts':
          "import { one } from '../../db/repositories/accounts.ts';\nexport const c = one;\n",
      },
    ],
    [
      'adapters-not-each-other',
      { 'adapters/slack/blocks.ts': "import { one } from '../teams/card.ts';\nexport const b = one;\n" },
    ],
    [
      'only-roots-wire-adapters',
      { 'src/api/route.ts': "import { b } from '../../adapters/slack/blocks.ts';\nexport const u = b;\n" },
    ],
    [
      'db-only-domain',
      {
        'db/repositories/orgs.ts':
          "import { zero } from '../../src/service/ports.ts';\nexport const o = zero;\n",
      },
    ],
    [
      'chat-adapters-only-commands-and-service',
      { 'adapters/shell/main.ts': "import { u } from '../../src/api/route.ts';\nexport const m = u;\n" },
    ],
    [
      'no-circular',
      {
        'src/domain/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'src/domain/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      },
    ],
  ];
  const all = Object.assign({}, ...broken.map(([, files]) => files));
  let result: { status: number | null; out: string };
  it('fails on a tree that breaks the rules', () => {
    result = cruise(all);
    expect(result.status).not.toBe(0);
  });
  it.each(
    broken.map(([rule, files]) => [rule, Object.keys(files)[0]!]),
  )('names %s, broken in %s', (rule, file) => {
    expect(result.out).toMatch(new RegExp(`error ${rule}: ${file.replace('.', '[.]')} →`));
  });
});
