import { z } from 'zod';
import { deleteLink, lockLinksOf } from '../../db/repositories/workspace-links.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { recordLinkChange } from './support/link-records.ts';
import { authorize } from './support/lookups.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  platform: z.enum(['slack', 'teams']),
  workspaceId: z.string().min(1).max(255),
});

/**
 * `org unlink` (owner): the workspace or tenant it is typed in stops serving the organization.
 * The last link of an organization that is still running stays: without one, nobody could reach
 * it from chat. Audited; the owner is told.
 */
export const unlinkWorkspace = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  const workspace = { platform: cmd.platform, workspaceId: cmd.workspaceId };
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'unlink_workspace');
    const links = await lockLinksOf(em, org.id);
    const here = links.some(
      (l) => l.platform === workspace.platform && l.workspaceId === workspace.workspaceId,
    );
    if (!here) {
      throw new DomainError(
        'not_found',
        { key: 'errors_service.link.not_linked', args: { org: org.name } },
        { key: 'errors_service.link.not_linked_next' },
      );
    }
    if (links.length === 1 && (org.status === 'active' || org.status === 'pending')) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.link.last', args: { org: org.name } },
        { key: 'errors_service.link.last_next' },
      );
    }
    await deleteLink(em, workspace, org.id);
    await recordLinkChange(em, now, { org, me, workspace, linked: false });
    return { organizationName: org.name, remaining: links.length - 1 };
  });
};
