import { issueScimToken } from '../../service/issue-scim-token.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface ScimTokenCommand {
  name: 'scim token';
}

/** `scim token` (owner or admin): the SCIM base URL and a new bearer token, privately, once. */
export const scimTokenSpec = defineCommand<ScimTokenCommand>({
  name: 'scim token',
  syntax: 'scim token',
  summary: 'commands_handlers.summary.scim_token',
  example: 'scim token',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    const r = await issueScimToken(c.service, c.actor, { organizationId });
    return info(
      wordsOf(c).t('handlers_org.scim_token.issued', {
        organization: r.organizationName,
        url: r.baseUrl,
        token: r.token,
        rotated: r.rotated ? 'yes' : 'no',
      }),
      { private: true },
    );
  },
});
