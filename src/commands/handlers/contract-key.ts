import { issueConnectionKey } from '../../service/issue-connection-key.ts';
import { noArgs } from '../args.ts';
import { wordsOf } from '../context.ts';
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
    const w = wordsOf(c);
    return info(w.t('commands_handlers.contract_key.key', { key: r.key }), {
      fields: [
        { label: w.t('commands_handlers.contract_key.valid_until'), value: w.day(r.expiresAt) },
        {
          label: w.t('commands_handlers.contract_key.next'),
          value: w.t('commands_handlers.contract_key.next_value'),
        },
      ],
      private: true,
    });
  },
});
