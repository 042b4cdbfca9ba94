import { disconnectContract } from '../../service/disconnect-contract.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
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
      wordsOf(c).t('commands_handlers.contract_disconnect.done', { organization: r.organization.name }),
    );
  },
});
