import { listScimUsers as listRows, type ScimCriterion } from '../../db/repositories/scim-users.ts';
import type { IdentityProvider, ServiceContext } from './context.ts';
import { reading } from './support/tx.ts';

/** SCIM GET /Users: one page of the identity provider's organization's users. */
export const listScimUsers = (
  ctx: ServiceContext,
  idp: IdentityProvider,
  q: { where: readonly ScimCriterion[]; startIndex: number; count: number },
) => reading(ctx, (em) => listRows(em, idp.organizationId, q));

export type { ScimCriterion, ScimUserRecord } from '../../db/repositories/scim-users.ts';
