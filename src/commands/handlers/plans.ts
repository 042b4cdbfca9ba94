import { DEFAULT_TIERS } from '../../domain/tiers.ts';
import { listPlans } from '../../service/list-plans.ts';
import { noArgs } from '../args.ts';
import { price } from '../format.ts';
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
    const all = await listPlans(c.service);
    return info(
      `Plans (price per seat; more than ${LIST_PRICE_SEATS} seats of a plan get volume discounts):`,
      {
        sections: [
          {
            title: 'Plans',
            lines: all.map(
              (p) =>
                `${p.name} (\`${p.code}\`): ${price(p.monthlyPrice, p.currency)}/month or ${price(p.yearlyPrice, p.currency)}/year — ${p.features.join(', ')}`,
            ),
          },
        ],
        private: true,
      },
    );
  },
});
