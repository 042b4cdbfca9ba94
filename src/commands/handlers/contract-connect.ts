import { connectContract } from '../../service/connect-contract.ts';
import { noMore, refuse } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';

export interface ContractConnectCommand {
  name: 'contract connect';
  key: string;
}

export const contractConnectSpec = defineCommand<ContractConnectCommand>({
  name: 'contract connect',
  syntax: 'contract connect <key>',
  summary: 'commands_handlers.summary.contract_connect',
  example: 'contract connect ck_abcdefghijklmnopqrstuvwxyz234567',
  parse: (a, usage) => {
    if (!a[0]) refuse({ key: 'handlers_people.contract.key', args: { usage } });
    noMore(a.slice(1), usage);
    return { key: tokenText(a[0]!) };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const r = await connectContract(c.service, c.actor, { organizationId, key: cmd.key });
    return ok(wordsOf(c).t('handlers_people.contract.done', { org: r.organization.name }));
  },
});
