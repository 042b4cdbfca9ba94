import { z } from 'zod';
import { deleteScimToken } from '../../db/repositories/scim-tokens.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/** `scim off`: the organization's SCIM token stops working; members stay as they are. */
export const revokeScimToken = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'manage_settings');
    if (!(await deleteScimToken(em, org.id))) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.scim.no_token', args: { org: org.name } },
        { key: 'errors_service.scim.no_token_next' },
      );
    }
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'scim.token_revoked',
      subject: { type: 'organization', id: org.id },
    });
    return { organizationName: org.name };
  });
};
