import { disconnectContract } from '../../service/disconnect-contract.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface ContractDisconnectCommand {
  name: 'contract disconnect';
}

export const contractDisconnectSpec = defineCommand<ContractDisconnectCommand>({
  name: 'contract disconnect',
  syntax: 'contract disconnect',
  summary: 'commands_handlers.summary.contract_disconnect',
  example: 'contract disconnect',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    const r = await disconnectContract(c.service, c.actor, { organizationId });
    return ok(
      `The contract is disconnected from ${r.organization.name}. Its seats stay as they are, but plans can no longer change.`,
    );
  },
});
