import { describe, expect, it } from 'vitest';
import { impactLine } from '../../src/commands/domain-terms.ts';
import { DEFAULT_PLANS, type Plan } from '../../src/domain/catalog.ts';
import { downgradeImpact, type Impact } from '../../src/domain/impact.ts';
import type { UsageRecord } from '../../src/domain/model.ts';
import { english } from '../../src/i18n/words.ts';

const plan = (code: string): Plan => {
  const p = DEFAULT_PLANS.find((x) => x.code === code);
  if (!p) throw new Error(`no plan ${code}`);
  return p;
};
const FREE = plan('free');
const PRO = plan('pro');
const BUSINESS = plan('business');

const usage = (over: Partial<UsageRecord> = {}): UsageRecord => ({
  accountId: 'acc-1',
  resourceType: 'survey',
  resourceId: 's-1',
  metric: 'survey_responses',
  value: 250,
  active: true,
  reportedAt: new Date('2023-01-01T00:00:00Z'),
  ...over,
});

/** The warnings as the chat layer says them in English (the domain reports facts). */
const lines = (impact: Impact) => impact.warnings.map((w) => impactLine(w, english));

describe('downgradeImpact', () => {
  it('warns about an active survey over the Free limit of 100 responses', () => {
    const impact = downgradeImpact(PRO, FREE, [usage()]);
    expect(impact.warnings[0]).toEqual({
      code: 'over_limit',
      count: 1,
      resource: 'survey',
      metric: 'survey_responses',
      limit: 100,
      plan: 'Free',
    });
    expect(lines(impact)[0]).toBe(
      '1 active survey over the Free limit of 100 responses will become inactive',
    );
  });

  it('counts and pluralizes several resources over the limit, ignoring those within it', () => {
    const impact = downgradeImpact(PRO, FREE, [
      usage({ resourceId: 's-1', value: 250 }),
      usage({ resourceId: 's-2', value: 101 }),
      usage({ resourceId: 's-3', value: 100 }), // at the limit is fine
      usage({ resourceId: 's-4', value: 5 }),
    ]);
    expect(lines(impact)[0]).toBe(
      '2 active surveys over the Free limit of 100 responses will become inactive',
    );
  });

  it('ignores inactive resources', () => {
    const impact = downgradeImpact(BUSINESS, FREE, [usage({ active: false, value: 10_000 })]);
    expect(impact.warnings.some((w) => w.code === 'over_limit')).toBe(false);
  });

  it('lists the features lost, and says so in a warning', () => {
    const impact = downgradeImpact(BUSINESS, FREE, []);
    expect(impact.lostFeatures).toEqual(['exports', 'branding', 'groups', 'api', 'sso']);
    expect(impact.warnings).toEqual([
      { code: 'no_access', features: ['exports', 'branding', 'groups', 'api', 'sso'] },
    ]);
    expect(lines(impact)).toEqual(['No more access to: exports, branding, groups, api, sso']);
    expect(downgradeImpact(PRO, FREE, []).lostFeatures).toEqual(['exports', 'branding']);
  });

  it('puts limit warnings before the lost-features warning', () => {
    const impact = downgradeImpact(PRO, FREE, [usage()]);
    expect(lines(impact)).toEqual([
      '1 active survey over the Free limit of 100 responses will become inactive',
      'No more access to: exports, branding',
    ]);
  });

  it('has nothing to say for an upgrade, a plan without limits, or no previous plan', () => {
    expect(downgradeImpact(FREE, BUSINESS, [usage({ value: 1_000_000 })])).toEqual({
      lostFeatures: [],
      warnings: [],
    });
    expect(downgradeImpact(null, PRO, [])).toEqual({ lostFeatures: [], warnings: [] });
    // from no plan to Free: no features lost, but usage limits still apply
    const fromNone = downgradeImpact(null, FREE, [usage()]);
    expect(fromNone.lostFeatures).toEqual([]);
    expect(lines(fromNone)).toEqual([
      '1 active survey over the Free limit of 100 responses will become inactive',
    ]);
  });

  it('checks each limit of the target plan against its own metric', () => {
    const impact = downgradeImpact(PRO, FREE, [
      usage({ metric: 'active_surveys', resourceType: 'workspace', value: 4 }),
      usage({ metric: 'survey_responses', value: 50 }),
    ]);
    expect(impact.lostFeatures).toEqual(['exports', 'branding']);
    expect(lines(impact)).toEqual([
      '1 active workspace over the Free limit of 3 active surveys will become inactive',
      'No more access to: exports, branding',
    ]);
  });

  it('falls back to generic words for an unknown metric', () => {
    const custom: Plan = { ...FREE, name: 'Tiny', limits: { api_calls: 10 } };
    const impact = downgradeImpact(null, custom, [
      usage({ metric: 'api_calls', resourceType: 'token', value: 11 }),
    ]);
    expect(lines(impact)).toEqual([
      '1 active token over the Tiny limit of 10 api calls will become inactive',
    ]);
  });
});
