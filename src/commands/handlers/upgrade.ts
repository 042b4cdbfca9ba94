import { upgradePersonalPlan } from '../../service/upgrade-personal-plan.ts';
import { noArgs } from '../args.ts';
import { wordsOf } from '../context.ts';
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
    const w = wordsOf(c);
    const r = await upgradePersonalPlan(c.service, c.actor, { plan: 'business' });
    return ok(
      w.t('commands_handlers.upgrade.done', { amount: w.money(r.charged.amount, r.charged.currency) }),
    );
  },
});

/** Also what the Upgrade button of a notice runs (actions/personal-upgrade.ts). */
export const upgrade = upgradeSpec.run;
