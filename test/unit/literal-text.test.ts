import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseByFile, proseLiterals } from '../support/literal-text.ts';
import { LITERAL_TEXT_LEFT } from './literal-text-left.ts';

// Person-facing text comes from the catalogs (src/i18n/catalogs). This finds prose written as a
// string literal in the grammar and the chat adapters. Files that still hold some are listed in
// literal-text-left.ts with how many: the count may only go down (move text out, then lower it).
const root = resolve(import.meta.dirname, '../..');

describe('text outside the catalogs', () => {
  it('finds prose literals, and not keys, ids, log lines or bug reports', () => {
    const found = proseLiterals(`
      const a = 'Buy seats';
      const b = \`\${n} seats left\`;
      const k = w.t('common.internal_error');
      log.warn({ err }, 'users.info failed: times shown in UTC');
      throw new Error('no rendering for this notice');
      const id = 'purchase.approve';
      const sql = 'select user_id from slack_user where team_id = ?';
      const words = ['org create', 'signature mismatch'];
      throw new DomainError('conflict', 'That is already the setting.', 'Nothing to do.');
    `);
    expect(found).toEqual(['Buy seats', '{} seats left', 'That is already the setting.', 'Nothing to do.']);
  });

  it('grows nowhere: no new file with prose literals, no file with more than it had', () => {
    const now = proseByFile(root);
    const grown = Object.entries(now)
      .filter(([f, n]) => n > (LITERAL_TEXT_LEFT[f] ?? 0))
      .map(([f, n]) => `${f}: ${n} (allowed ${LITERAL_TEXT_LEFT[f] ?? 0})`);
    expect(grown).toEqual([]);
  });

  it('keeps the list of what is left exact (lower a count when text moves out)', () => {
    const now = proseByFile(root);
    const stale = Object.entries(LITERAL_TEXT_LEFT)
      .filter(([f, n]) => (now[f] ?? 0) < n)
      .map(([f, n]) => `${f}: ${now[f] ?? 0} (listed ${n})`);
    expect(stale).toEqual([]);
  });
});
