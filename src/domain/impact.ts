import type { Plan } from './catalog.ts';
import type { UsageRecord } from './model.ts';

export interface Impact {
  lostFeatures: string[];
  /** e.g. "2 active surveys over the Free limit of 100 responses become inactive" */
  warnings: string[];
}

const METRIC_WORDS: Record<string, { resource: string; limit: string }> = {
  survey_responses: { resource: 'survey', limit: 'responses' },
};

/** What stops working when a member goes from `from` to `to` (the preview before unassigning). */
export const downgradeImpact = (from: Plan | null, to: Plan, usage: readonly UsageRecord[]): Impact => {
  const lostFeatures = (from?.features ?? []).filter((f) => !to.features.includes(f));
  const warnings: string[] = [];
  for (const [metric, limit] of Object.entries(to.limits)) {
    const over = usage.filter((u) => u.active && u.metric === metric && u.value > limit);
    if (over.length === 0) continue;
    const words = METRIC_WORDS[metric] ?? { resource: 'resource', limit: metric.replace(/_/g, ' ') };
    const type = over[0]?.resourceType ?? words.resource;
    warnings.push(
      `${over.length} active ${type}${over.length === 1 ? '' : 's'} over the ${to.name} limit of ${limit} ${words.limit} will become inactive`,
    );
  }
  if (lostFeatures.length > 0) warnings.push(`No more access to: ${lostFeatures.join(', ')}`);
  return { lostFeatures, warnings };
};
