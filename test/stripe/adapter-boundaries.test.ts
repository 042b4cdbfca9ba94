import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The billing adapters talk to their provider only: their stores (db/repositories) hold the SQL,
 * and the composition root and HTTP routes know the provider port, not the Stripe class.
 */
const root = join(import.meta.dirname, '../..');
const sources = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
const allowed = (spec: string) =>
  !spec.startsWith('.') ||
  spec.startsWith('./') ||
  spec === '../../src/service/ports.ts' ||
  spec.startsWith('../../src/domain/');

describe('billing adapters', () => {
  for (const dir of ['adapters/stripe', 'adapters/ledger']) {
    it(`${dir} imports only the service ports, the domain, its own files and npm packages`, () => {
      const wrong = sources(dir).flatMap(({ file, text }) =>
        importsOf(text)
          .filter((s) => !allowed(s))
          .map((s) => `${file}: ${s}`),
      );
      expect(wrong).toEqual([]);
    });

    it(`${dir} holds no SQL`, () => {
      const sql = /\b(select .* from|insert into|update \w+ set|delete from)\b/i;
      expect(
        sources(dir)
          .filter(({ text }) => sql.test(text))
          .map((s) => s.file),
      ).toEqual([]);
    });
  }

  it('the composition root names StripeGateway only to build it, and the routes never', () => {
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8')
      .split('\n')
      // its imports (static, or the lazy one that loads Stripe only with a key) do not count
      .filter(
        (l) =>
          l.includes('StripeGateway') &&
          !l.startsWith('import ') &&
          !/\{ StripeGateway \}\]? = await/.test(l),
      );
    expect(app).toHaveLength(1);
    expect(app[0]).toContain('new StripeGateway(');
    expect(
      sources('src/api')
        .filter(({ text }) => text.includes('adapters/stripe'))
        .map((s) => s.file),
    ).toEqual([]);
  });
});
