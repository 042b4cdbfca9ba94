import type { RequestHandler } from 'express';
import { patchBodyValidation, type ScimPatch, type ScimResource, scimPatch } from 'scim-patch';
import type { ServiceContext } from '../../service/context.ts';
import { requireScimUser, updateScimUser } from '../../service/update-scim-user.ts';
import { idpOf } from './auth.ts';
import { badRequest, sendScim } from './errors.ts';
import { toScimUser, userAttributes } from './user-resource.ts';

/**
 * PATCH /Users/:id — the operations (RFC 7644 §3.5.2, applied by scim-patch) on the current
 * resource, then the result is stored like a PUT. Covers Okta's `{"op":"replace","value":
 * {"active":false}}` and Entra ID's `{"op":"Replace","path":"active","value":"False"}`.
 */
export const patchUser =
  (ctx: ServiceContext, base: string): RequestHandler =>
  async (req, res) => {
    const body = req.body as ScimPatch | undefined;
    if (!body || typeof body !== 'object' || !Array.isArray(body.Operations)) {
      throw badRequest('invalidSyntax', 'A PATCH body is a PatchOp message with an Operations array.');
    }
    patchBodyValidation(body);
    const idp = idpOf(res);
    const current = toScimUser(await requireScimUser(ctx, idp, String(req.params.id)), base);
    const patched = scimPatch(structuredClone(current) as unknown as ScimResource, body.Operations);
    const user = await updateScimUser(ctx, idp, { ...userAttributes(patched), id: current.id });
    sendScim(res, 200, toScimUser(user, base));
  };
