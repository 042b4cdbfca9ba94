import { issueScimToken } from '../../service/issue-scim-token.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
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
      `SCIM for ${r.organizationName}: base URL \`${r.baseUrl}\`, bearer token \`${r.token}\`. Paste both into your identity provider (Okta: SCIM connector base URL and Authorization header; Entra ID: Tenant URL and Secret Token). This token is shown once${r.rotated ? '; the previous one stopped working just now' : ''}. \`scim token\` again replaces it, \`scim off\` revokes it.`,
      { private: true },
    );
  },
});
