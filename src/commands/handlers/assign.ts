import { assignPlan } from '../../service/assign-plan.ts';
import { noMore, oneWho, planName } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import type { Who } from '../who.ts';

export interface AssignCommand {
  name: 'assign';
  who: Who;
  plan: string;
}

export const assignSpec = defineCommand<AssignCommand>({
  name: 'assign',
  syntax: 'assign <who> <plan>',
  summary: 'commands_handlers.summary.assign',
  example: 'assign ana@example.com pro',
  parse: (a, usage) => {
    const who = oneWho(a[0], usage);
    const plan = planName(a[1], usage);
    noMore(a.slice(2), usage);
    return { who, plan };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const member = await emailOf(c, cmd.who);
    const r = await assignPlan(c.service, c.actor, { organizationId, member, plan: cmd.plan });
    return ok(
      wordsOf(c).t('commands_handlers.assign.done', {
        member: r.member.email,
        plan: r.plan.name,
        was: r.previousPlan !== 'free' ? planTitle(r.previousPlan) : 'none',
      }),
    );
  },
});
