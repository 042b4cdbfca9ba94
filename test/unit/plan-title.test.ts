import { describe, expect, it } from 'vitest';
import { perPeriod, planTitle } from '../../src/commands/plan-title.ts';

describe('plan names in prose', () => {
  it("names a plan by the catalog's name, its own name when given, else its code capitalized", () => {
    expect(planTitle('pro')).toBe('Pro');
    expect(planTitle('business')).toBe('Business');
    expect(planTitle('free')).toBe('Free');
    expect(planTitle('pro', 'Pro 2026')).toBe('Pro 2026');
    expect(planTitle('enterprise')).toBe('Enterprise');
  });

  it('says what a recurring total is per', () => {
    expect(perPeriod('month')).toBe('per month');
    expect(perPeriod('year')).toBe('per year');
    expect(perPeriod(undefined)).toBe('per billing period');
  });
});
