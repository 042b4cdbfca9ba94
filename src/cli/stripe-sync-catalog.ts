import { PlanSchema } from '../../db/schemas/index.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

/** `npm run stripe:sync-catalog`: our plan table → Stripe products and tiered prices (idempotent). */
const config = loadConfig();
if (!config.STRIPE_SECRET_KEY) {
  console.error('STRIPE_SECRET_KEY is not set: set it to your Stripe secret key (sk_test_… in test mode).');
  process.exit(1);
}
const app = await buildApp(config);
try {
  // the app bills through Stripe here (the key is set), so its provider port syncs the catalog
  const stripe = app.stripe!;
  const plans = await app.ctx.em.fork().find(PlanSchema, {}, { orderBy: { rank: 'asc' } });
  const synced = await stripe.syncCatalog(plans);
  for (const p of synced) console.log(`${p.action.padEnd(7)} ${p.plan} ${p.period}: ${p.priceId}`);
} finally {
  await app.close();
}
