import { organizationOfScimToken } from '../../db/repositories/scim-tokens.ts';
import { hashOneTimeCode } from '../domain/one-time-code.ts';
import type { IdentityProvider, ServiceContext } from './context.ts';
import { reading } from './support/tx.ts';

/** The identity provider a SCIM bearer token stands for, or null (unknown, rotated or revoked). */
export const identityProviderOf = async (
  ctx: ServiceContext,
  token: string,
): Promise<IdentityProvider | null> => {
  const organizationId = await reading(ctx, (em) => organizationOfScimToken(em, hashOneTimeCode(token)));
  return organizationId ? { identityProvider: 'scim', organizationId } : null;
};
