import { revokeScimToken } from '../../service/revoke-scim-token.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface ScimOffCommand {
  name: 'scim off';
}

/** `scim off` (owner or admin): the identity provider's token stops working; members stay. */
export const scimOffSpec = defineCommand<ScimOffCommand>({
  name: 'scim off',
  syntax: 'scim off',
  summary: 'commands_handlers.summary.scim_off',
  example: 'scim off',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    const r = await revokeScimToken(c.service, c.actor, { organizationId });
    return ok(wordsOf(c).t('commands_handlers.scim_off.done', { organization: r.organizationName }));
  },
});
