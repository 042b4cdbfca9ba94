import { createOrganization } from '../../service/create-organization.ts';
import { price } from '../format.ts';
import type { Handler } from '../handler.ts';
import { info, ok } from '../reply.ts';

export const orgCreate: Handler<'org create'> = async (c, cmd) => {
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
};
