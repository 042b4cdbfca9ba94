import { transferOwnership } from '../../service/transfer-ownership.ts';
import { emailOf, organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const owner: Handler<'owner'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const to = await emailOf(c, cmd.who);
  const r = await transferOwnership(c.service, c.actor, { organizationId, to });
  return ok(`${r.owner.email} now owns ${r.organization.name}. You stay on as an admin and approver.`);
};
