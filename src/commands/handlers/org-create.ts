import { ORGANIZATION_NAME_LENGTH } from '../../domain/limits.ts';
import { createOrganization } from '../../service/create-organization.ts';
import { lower, refuse } from '../args.ts';
import { price } from '../format.ts';
import { info, ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';

export interface OrgCreateCommand {
  name: 'org create';
  orgName: string;
  period: 'month' | 'year';
}

export const orgCreateSpec = defineCommand<OrgCreateCommand>({
  name: 'org create',
  syntax: 'org create <name> [monthly|yearly]',
  summary: 'commands_handlers.summary.org_create',
  example: 'org create "Acme Sales" yearly',
  parse: (a, usage) => {
    const last = lower(a.at(-1));
    const period = last === 'yearly' || last === 'year' ? 'year' : 'month';
    const words = last && ['yearly', 'year', 'monthly', 'month'].includes(last) ? a.slice(0, -1) : a;
    const orgName = words.map(tokenText).join(' ').trim();
    if (!orgName) refuse(`Give the organization a name: \`${usage}\`.`);
    if (orgName.length > ORGANIZATION_NAME_LENGTH.max)
      refuse(`Keep the organization name to ${ORGANIZATION_NAME_LENGTH.max} characters.`);
    return { orgName, period };
  },
  run: async (c, cmd) => {
    const r = await createOrganization(c.service, c.actor, {
      name: cmd.orgName,
      period: cmd.period,
      workspace: c.workspace ?? null,
    });
    if (r.setupUrl) {
      // the billing provider collects the payment method; the organization waits for it
      return info(
        `${r.organization.name} is created and waits for your payment method. Add it here: ${r.setupUrl} — the organization becomes active as soon as it is on file, and you will be told.`,
        { private: true },
      );
    }
    const invoice = `The first ${cmd.period} (${price(r.firstInvoice.amount, r.firstInvoice.currency)}) is charged to your payment method.`;
    return ok(
      `${r.organization.name} is created. You are its owner, on a Business seat the organization pays for; your own plan is paused. ${invoice} Invite people with \`invite <who>\`.`,
    );
  },
});
