import Stripe from 'stripe';
import type { Plan } from '../../src/domain/catalog.ts';
import { unitPriceInTier } from '../../src/domain/tiers.ts';
import type { SyncedPrice } from '../../src/service/ports.ts';
import { lookupKey, productId } from './prices.ts';

export type { SyncedPrice };

/** The graduated tiers of a plan's list price, as Stripe states them. */
export const stripeTiers = (plan: Plan, listPrice: number) =>
  plan.tiers.map((t) => ({ up_to: t.upTo ?? ('inf' as const), unit_amount: unitPriceInTier(listPrice, t) }));

const sameTiers = (price: Stripe.Price, wanted: ReturnType<typeof stripeTiers>) =>
  (price.tiers ?? []).length === wanted.length &&
  (price.tiers ?? []).every(
    (t, i) => (t.up_to ?? 'inf') === wanted[i]!.up_to && t.unit_amount === wanted[i]!.unit_amount,
  );

/**
 * Makes Stripe's catalog match ours: one product per paid plan, one recurring graduated-tier
 * price per plan and period, found by lookup key. Idempotent: a price that already matches is
 * kept; a changed one gets a new price that takes the lookup key over (Stripe prices are
 * immutable), so running it twice creates nothing the second time.
 */
export const syncCatalog = async (stripe: Stripe, plans: readonly Plan[]): Promise<SyncedPrice[]> => {
  const out: SyncedPrice[] = [];
  for (const plan of plans) {
    if (plan.monthlyPrice === 0 && plan.yearlyPrice === 0) continue;
    const product = productId(plan.code);
    try {
      await stripe.products.update(product, { name: `Seatkeeper ${plan.name}` });
    } catch (e) {
      if (!(e instanceof Stripe.errors.StripeInvalidRequestError) || e.statusCode !== 404) throw e;
      await stripe.products.create({ id: product, name: `Seatkeeper ${plan.name}` });
    }
    for (const period of ['month', 'year'] as const) {
      const list = period === 'month' ? plan.monthlyPrice : plan.yearlyPrice;
      const key = lookupKey(plan.code, period);
      const tiers = stripeTiers(plan, list);
      const existing = (
        await stripe.prices.list({ lookup_keys: [key], active: true, expand: ['data.tiers'] })
      ).data[0];
      if (
        existing &&
        existing.currency === plan.currency &&
        existing.recurring?.interval === period &&
        sameTiers(existing, tiers)
      ) {
        out.push({ plan: plan.code, period, priceId: existing.id, action: 'kept' });
        continue;
      }
      const created = await stripe.prices.create({
        product,
        currency: plan.currency,
        recurring: { interval: period, usage_type: 'licensed' },
        billing_scheme: 'tiered',
        tiers_mode: 'graduated',
        tiers,
        lookup_key: key,
        transfer_lookup_key: true,
        metadata: { plan: plan.code, period },
      });
      out.push({ plan: plan.code, period, priceId: created.id, action: 'created' });
    }
  }
  return out;
};
