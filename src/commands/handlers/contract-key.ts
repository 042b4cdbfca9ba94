import { issueConnectionKey } from '../../service/issue-connection-key.ts';
import { noArgs } from '../args.ts';
import { day } from '../format.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface ContractKeyCommand {
  name: 'contract key';
}

export const contractKeySpec = defineCommand<ContractKeyCommand>({
  name: 'contract key',
  syntax: 'contract key',
  summary: 'commands_handlers.summary.contract_key',
  example: 'contract key',
  parse: noArgs,
  run: async (c) => {
    const r = await issueConnectionKey(c.service, c.actor, {});
    return info(`Connection key: \`${r.key}\``, {
      fields: [
        { label: 'Valid until', value: day(r.expiresAt) },
        {
          label: 'Next',
          value: 'Share it with the organization admin; they type `contract connect <key>`. It works once.',
        },
      ],
      private: true,
    });
  },
});
