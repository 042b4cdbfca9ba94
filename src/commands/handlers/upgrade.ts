import { upgradePersonalPlan } from '../../service/upgrade-personal-plan.ts';
import { noArgs } from '../args.ts';
import { price } from '../format.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface UpgradeCommand {
  name: 'upgrade';
}

export const upgradeSpec = defineCommand<UpgradeCommand>({
  name: 'upgrade',
  syntax: 'upgrade',
  summary: 'commands_handlers.summary.upgrade',
  example: 'upgrade',
  parse: noArgs,
  run: async (c) => {
    const r = await upgradePersonalPlan(c.service, c.actor, { plan: 'business' });
    return ok(
      `You are on the Business plan now (${price(r.charged.amount, r.charged.currency)} a month, charged to you). Create your organization with \`org create <name>\`.`,
    );
  },
});

/** Also what the Upgrade button of a notice runs (actions/personal-upgrade.ts). */
export const upgrade = upgradeSpec.run;
