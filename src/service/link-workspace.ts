import { z } from 'zod';
import { lockLinkCode, markLinkCodeUsed } from '../../db/repositories/link-codes.ts';
import { insertLink, linkedOrganization, type Workspace } from '../../db/repositories/workspace-links.ts';
import { DomainError } from '../domain/errors.ts';
import { hashLinkCode, LINK_CODE_PATTERN } from '../domain/link-code.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse } from './support/input.ts';
import { recordLinkChange } from './support/link-records.ts';
import { authorize, requireOpen } from './support/lookups.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  code: z.string().trim(),
  platform: z.enum(['slack', 'teams']),
  workspaceId: z.string().min(1).max(255),
});

const invalid = () =>
  new DomainError(
    'link_code_invalid',
    { key: 'errors_service.link.invalid' },
    { key: 'errors_service.link.invalid_next' },
  );

/**
 * `org link <code>` in a workspace or tenant that is not linked yet: an owner or admin of the
 * code's organization links it. The code works once, for 24 hours; the link is audited and the
 * owner told. A workspace serves one organization, so a linked one is refused.
 */
export const linkWorkspace = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<{ organizationId: string; organizationName: string }> => {
  const cmd = parse(input, raw);
  const workspace: Workspace = { platform: cmd.platform, workspaceId: cmd.workspaceId };
  if (!LINK_CODE_PATTERN.test(cmd.code)) throw invalid();
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const code = await lockLinkCode(em, hashLinkCode(cmd.code));
    if (!code) throw invalid();
    if (code.usedAt) {
      throw new DomainError(
        'link_code_invalid',
        { key: 'errors_service.link.used' },
        { key: 'errors_service.link.ask_new' },
      );
    }
    if (code.expiresAt <= now) {
      throw new DomainError(
        'link_code_invalid',
        { key: 'errors_service.link.expired' },
        { key: 'errors_service.link.ask_new' },
      );
    }
    // someone outside the organization learns nothing from a code they found
    const { org, me } = await authorize(em, code.organizationId, actor, 'link_workspace').catch((e) => {
      throw e instanceof DomainError && e.code === 'not_found' ? invalid() : e;
    });
    requireOpen(org);
    const current = await linkedOrganization(em, workspace);
    if (current) {
      throw new DomainError(
        'conflict',
        current === org.id
          ? { key: 'errors_service.link.already_here', args: { org: org.name } }
          : { key: 'errors_service.link.linked_elsewhere' },
        current === org.id
          ? { key: 'errors_service.link.already_here_next' }
          : { key: 'errors_service.link.linked_elsewhere_next' },
      );
    }
    if (!(await insertLink(em, workspace, org.id, me.id, now))) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.link.just_linked' },
        { key: 'errors_service.link.just_linked_next' },
      );
    }
    await markLinkCodeUsed(em, code.id, workspace, now);
    await recordLinkChange(em, now, { org, me, workspace, linked: true });
    return { organizationId: org.id, organizationName: org.name };
  });
};
