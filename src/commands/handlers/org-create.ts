import { ORGANIZATION_NAME_LENGTH } from '../../domain/limits.ts';
import { createOrganization } from '../../service/create-organization.ts';
import { lower, refuse } from '../args.ts';
import { wordsOf } from '../context.ts';
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
    if (!orgName) refuse({ key: 'handlers_org.org_create.name_missing', args: { usage } });
    if (orgName.length > ORGANIZATION_NAME_LENGTH.max)
      refuse({ key: 'handlers_org.org_create.name_too_long', args: { max: ORGANIZATION_NAME_LENGTH.max } });
    return { orgName, period };
  },
  run: async (c, cmd) => {
    const r = await createOrganization(c.service, c.actor, {
      name: cmd.orgName,
      period: cmd.period,
      workspace: c.workspace ?? null,
    });
    const w = wordsOf(c);
    if (r.setupUrl) {
      // the billing provider collects the payment method; the organization waits for it
      return info(
        w.t('handlers_org.org_create.awaits_payment', { organization: r.organization.name, url: r.setupUrl }),
        { private: true },
      );
    }
    return ok(
      w.t('handlers_org.org_create.created', {
        organization: r.organization.name,
        period: cmd.period,
        amount: w.money(r.firstInvoice.amount, r.firstInvoice.currency),
      }),
    );
  },
});
