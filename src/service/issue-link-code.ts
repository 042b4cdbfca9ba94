import { z } from 'zod';
import { replaceLinkCode } from '../../db/repositories/link-codes.ts';
import { hashLinkCode, LINK_CODE_TTL_MS, newLinkCode } from '../domain/link-code.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize, requireOpen } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/**
 * `org link` in a linked workspace: an owner or admin gets a one-time code that links another
 * Slack workspace or Teams tenant to the organization. Shown once, stored hashed, valid 24
 * hours, used once; a new code replaces the one still open.
 */
export const issueLinkCode = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<{ code: string; expiresAt: Date; organizationName: string }> => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'link_workspace');
    requireOpen(org);
    const code = newLinkCode();
    const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
    await replaceLinkCode(em, {
      organizationId: org.id,
      codeHash: hashLinkCode(code),
      issuedBy: me.id,
      at: now,
      expiresAt,
    });
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.link_code_issued',
      subject: { type: 'organization', id: org.id },
      after: { expiresAt: expiresAt.toISOString() },
    });
    return { code, expiresAt, organizationName: org.name };
  });
};
