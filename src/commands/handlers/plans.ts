import { listPlans } from '../../service/list-plans.ts';
import { price } from '../format.ts';
import type { Handler } from '../handler.ts';
import { info } from '../reply.ts';

export const plans: Handler<'plans'> = async (c) => {
  const all = await listPlans(c.service);
  return info('Plans (price per seat; more than 10 seats of a plan get volume discounts):', {
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
  });
};
