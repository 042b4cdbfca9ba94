import { revokeScimToken } from '../../service/revoke-scim-token.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

/** `scim off` (owner or admin): the identity provider's token stops working; members stay. */
export const scimOff: Handler<'scim off'> = async (c) => {
  const organizationId = await organizationFor(c);
  const r = await revokeScimToken(c.service, c.actor, { organizationId });
  return ok(
    `The SCIM token of ${r.organizationName} is revoked: the identity provider can no longer provision or offboard. Members stay as they are; \`scim token\` connects it again.`,
  );
};
