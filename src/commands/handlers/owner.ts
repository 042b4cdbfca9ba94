import { transferOwnership } from '../../service/transfer-ownership.ts';
import { justWho } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import type { Who } from '../who.ts';

export interface OwnerCommand {
  name: 'owner';
  who: Who;
}

export const ownerSpec = defineCommand<OwnerCommand>({
  name: 'owner',
  syntax: 'owner <who>',
  summary: 'commands_handlers.summary.owner',
  example: 'owner ana@example.com',
  parse: justWho,
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const to = await emailOf(c, cmd.who);
    const r = await transferOwnership(c.service, c.actor, { organizationId, to });
    return ok(
      wordsOf(c).t('commands_handlers.owner.done', {
        owner: r.owner.email,
        organization: r.organization.name,
      }),
    );
  },
});
