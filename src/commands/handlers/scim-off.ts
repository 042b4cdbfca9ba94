import { revokeScimToken } from '../../service/revoke-scim-token.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
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
    return ok(
      `The SCIM token of ${r.organizationName} is revoked: the identity provider can no longer provision or offboard. Members stay as they are; \`scim token\` connects it again.`,
    );
  },
});
