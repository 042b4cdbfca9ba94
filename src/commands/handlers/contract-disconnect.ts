import { disconnectContract } from '../../service/disconnect-contract.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const contractDisconnect: Handler<'contract disconnect'> = async (c) => {
  const organizationId = await organizationFor(c);
  const r = await disconnectContract(c.service, c.actor, { organizationId });
  return ok(
    `The contract is disconnected from ${r.organization.name}. Its seats stay as they are, but plans can no longer change.`,
  );
};
