import type { Plan } from './catalog.ts';
import type { UsageRecord } from './model.ts';

/**
 * One thing that stops working on the lower plan, as facts (the chat layer says it through the
 * catalog): active resources over one of its limits, or features it does not have (codes).
 */
export type ImpactWarning =
  | {
      code: 'over_limit';
      /** how many active resources are over the limit */
      count: number;
      /** their type as usage reports it (`survey`), or `resource` when the metric names none */
      resource: string;
      metric: string;
      limit: number;
      /** the lower plan's name (a product name) */
      plan: string;
    }
  | { code: 'no_access'; features: string[] };

export interface Impact {
  lostFeatures: string[];
  /** limits first, then the lost features: e.g. 2 active surveys over Free's limit of 100 responses */
  warnings: ImpactWarning[];
}

/** The resource a metric counts, when usage names no type. */
const METRIC_RESOURCE: Record<string, string> = { survey_responses: 'survey' };

/** What stops working when a member goes from `from` to `to` (the preview before unassigning). */
export const downgradeImpact = (from: Plan | null, to: Plan, usage: readonly UsageRecord[]): Impact => {
  const lostFeatures = (from?.features ?? []).filter((f) => !to.features.includes(f));
  const warnings: ImpactWarning[] = [];
  for (const [metric, limit] of Object.entries(to.limits)) {
    const over = usage.filter((u) => u.active && u.metric === metric && u.value > limit);
    if (over.length === 0) continue;
    warnings.push({
      code: 'over_limit',
      count: over.length,
      resource: over[0]?.resourceType ?? METRIC_RESOURCE[metric] ?? 'resource',
      metric,
      limit,
      plan: to.name,
    });
  }
  if (lostFeatures.length > 0) warnings.push({ code: 'no_access', features: lostFeatures });
  return { lostFeatures, warnings };
};
