import { upgradePersonalPlan } from '../../service/upgrade-personal-plan.ts';
import { price } from '../format.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const upgrade: Handler<'upgrade'> = async (c) => {
  const r = await upgradePersonalPlan(c.service, c.actor, { plan: 'business' });
  return ok(
    `You are on the Business plan now (${price(r.charged.amount, r.charged.currency)} a month, charged to you). Create your organization with \`org create <name>\`.`,
  );
};
