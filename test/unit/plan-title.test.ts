import { describe, expect, it } from 'vitest';
import { perPeriod, planTitle } from '../../src/commands/plan-title.ts';
import { english } from '../../src/i18n/words.ts';

describe('plan names in prose', () => {
  it("names a plan by the catalog's name, its own name when given, else its code capitalized", () => {
    expect(planTitle('pro')).toBe('Pro');
    expect(planTitle('business')).toBe('Business');
    expect(planTitle('free')).toBe('Free');
    expect(planTitle('pro', 'Pro 2026')).toBe('Pro 2026');
    expect(planTitle('enterprise')).toBe('Enterprise');
  });

  it('says what a recurring total is per', () => {
    expect(perPeriod('month', english)).toBe('per month');
    expect(perPeriod('year', english)).toBe('per year');
    expect(perPeriod(undefined, english)).toBe('per billing period');
  });
});
