import { z } from 'zod';
import { replaceScimToken } from '../../db/repositories/scim-tokens.ts';
import { hashOneTimeCode, newOneTimeCode } from '../domain/one-time-code.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize, requireOpen } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/**
 * `scim token`: an owner or admin gets the bearer token the identity provider provisions the
 * organization with. Shown once, stored hashed; a new one replaces (rotates) the old at once.
 */
export const issueScimToken = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<{ token: string; baseUrl: string; rotated: boolean; organizationName: string }> => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'manage_settings');
    requireOpen(org);
    const token = newOneTimeCode('scim_');
    const rotated = await replaceScimToken(em, {
      organizationId: org.id,
      tokenHash: hashOneTimeCode(token),
      issuedBy: me.id,
      at: now,
    });
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: rotated ? 'scim.token_rotated' : 'scim.token_issued',
      subject: { type: 'organization', id: org.id },
    });
    const baseUrl = `${(ctx.publicUrl ?? '').replace(/\/+$/, '')}/scim/v2`;
    return { token, baseUrl, rotated, organizationName: org.name };
  });
};
