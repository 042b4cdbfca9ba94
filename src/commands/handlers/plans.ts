import { DEFAULT_TIERS } from '../../domain/tiers.ts';
import { listPlans } from '../../service/list-plans.ts';
import { noArgs } from '../args.ts';
import { wordsOf } from '../context.ts';
import { featureList } from '../domain-terms.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface PlansCommand {
  name: 'plans';
}

/** Seats up to the first tier's bound are at the list price; the discounts start after it. */
const LIST_PRICE_SEATS = DEFAULT_TIERS[0]!.upTo;

export const plansSpec = defineCommand<PlansCommand>({
  name: 'plans',
  syntax: 'plans',
  summary: 'commands_handlers.summary.plans',
  example: 'plans',
  parse: noArgs,
  run: async (c) => {
    const w = wordsOf(c);
    const all = await listPlans(c.service);
    return info(w.t('commands_handlers.plans.title', { seats: LIST_PRICE_SEATS ?? 0 }), {
      sections: [
        {
          title: w.t('commands_handlers.plans.section'),
          lines: all.map((p) =>
            w.t('commands_handlers.plans.line', {
              name: p.name,
              code: p.code,
              monthly: w.money(p.monthlyPrice, p.currency),
              yearly: w.money(p.yearlyPrice, p.currency),
              features: featureList(p.features, w),
            }),
          ),
        },
      ],
      private: true,
    });
  },
});
