/** The chat platforms a workspace can be on. */
export type Platform = 'slack' | 'teams';

/** A Slack workspace (team id) or a Teams tenant (tenant id): what an organization is linked to. */
export interface Workspace {
  platform: Platform;
  workspaceId: string;
}
