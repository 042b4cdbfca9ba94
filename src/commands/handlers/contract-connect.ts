import { connectContract } from '../../service/connect-contract.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const contractConnect: Handler<'contract connect'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const r = await connectContract(c.service, c.actor, { organizationId, key: cmd.key });
  return ok(
    `The contract is connected to ${r.organization.name}: its plans can now be assigned (see \`status\`).`,
  );
};
