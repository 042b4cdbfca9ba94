import type { EntityManager } from '@mikro-orm/postgresql';

/** The organization a Slack workspace acts for, or null while it is not connected. */
export const workspaceOrganization = async (em: EntityManager, teamId: string): Promise<string | null> => {
  const rows = await em
    .fork()
    .execute<{ organization_id: string }[]>('select organization_id from slack_workspace where team_id = ?', [
      teamId,
    ]);
  return rows[0]?.organization_id ?? null;
};

/** Connects a workspace to an organization, unless it is already connected (first one wins). */
export const bindWorkspace = async (
  em: EntityManager,
  teamId: string,
  organizationId: string,
  by: string,
) => {
  await em
    .fork()
    .execute(
      'insert into slack_workspace (team_id, organization_id, bound_by) values (?, ?, ?) on conflict (team_id) do nothing',
      [teamId, organizationId, by],
    );
  return workspaceOrganization(em, teamId);
};

/** The workspaces connected to an organization: where its people get their direct messages. */
export const workspacesOf = async (em: EntityManager, organizationId: string): Promise<string[]> =>
  (
    await em
      .fork()
      .execute<{ team_id: string }[]>(
        'select team_id from slack_workspace where organization_id = ? order by bound_at',
        [organizationId],
      )
  ).map((r) => r.team_id);
