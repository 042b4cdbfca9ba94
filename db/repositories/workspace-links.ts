import type { EntityManager } from '@mikro-orm/postgresql';

import type { Platform, Workspace } from '../../src/domain/workspace.ts';

export type { Platform, Workspace } from '../../src/domain/workspace.ts';

/** The organization a workspace is linked to, or null. */
export const linkedOrganization = async (em: EntityManager, w: Workspace): Promise<string | null> => {
  const rows = await em.execute<{ organization_id: string }[]>(
    'select organization_id from workspace_link where platform = ? and workspace_id = ?',
    [w.platform, w.workspaceId],
  );
  return rows[0]?.organization_id ?? null;
};

/** Links a workspace; false when it is linked already (to any organization). */
export const insertLink = async (
  em: EntityManager,
  w: Workspace,
  organizationId: string,
  by: string | null,
  at: Date,
): Promise<boolean> => {
  const rows = await em.execute<{ workspace_id: string }[]>(
    `insert into workspace_link (platform, workspace_id, organization_id, linked_by, linked_at)
     values (?, ?, ?, ?, ?) on conflict (platform, workspace_id) do nothing returning workspace_id`,
    [w.platform, w.workspaceId, organizationId, by, at],
  );
  return rows.length === 1;
};

export const deleteLink = async (em: EntityManager, w: Workspace, organizationId: string) => {
  const rows = await em.execute<{ workspace_id: string }[]>(
    'delete from workspace_link where platform = ? and workspace_id = ? and organization_id = ? returning workspace_id',
    [w.platform, w.workspaceId, organizationId],
  );
  return rows.length === 1;
};

/** The links of an organization, locked: unlinking counts them under the lock. */
export const lockLinksOf = async (em: EntityManager, organizationId: string): Promise<Workspace[]> =>
  (
    await em.execute<{ platform: Platform; workspace_id: string }[]>(
      'select platform, workspace_id from workspace_link where organization_id = ? order by linked_at for update',
      [organizationId],
    )
  ).map((r) => ({ platform: r.platform, workspaceId: r.workspace_id }));

/** The workspaces of one platform linked to an organization: where its people get DMs. */
export const linkedWorkspaces = async (
  em: EntityManager,
  platform: Platform,
  organizationId: string,
): Promise<string[]> =>
  (
    await em.execute<{ workspace_id: string }[]>(
      'select workspace_id from workspace_link where platform = ? and organization_id = ? order by linked_at',
      [platform, organizationId],
    )
  ).map((r) => r.workspace_id);

/** Every linked workspace of one platform (for a notice that belongs to no organization). */
export const allLinkedWorkspaces = async (em: EntityManager, platform: Platform): Promise<string[]> =>
  (
    await em.execute<{ workspace_id: string }[]>(
      'select distinct workspace_id from workspace_link where platform = ? order by workspace_id',
      [platform],
    )
  ).map((r) => r.workspace_id);
