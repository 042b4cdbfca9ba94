import type { EntityManager } from '@mikro-orm/postgresql';
import type { Platform, Workspace } from '../../src/domain/workspace.ts';

/** A platform user: a Slack user of a team, or a Teams AAD object of a tenant. */
export interface ChatUser {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

/** What every chat request needs to know about who is acting and which language they read. */
export interface IdentityWithLink {
  account: {
    id: string;
    email: string;
    language: string | null;
    platformLocale: string | null;
    platformZone: string | null;
  } | null;
  organizationId: string | null;
  /** the linked organization's default language */
  organizationLanguage: string | null;
}

/**
 * The account a verified identity belongs to, its languages, and the organization its workspace
 * is linked to, in one round trip (every chat request asks all of them).
 */
export const identityWithLink = async (em: EntityManager, u: ChatUser): Promise<IdentityWithLink> => {
  const rows = await em.execute<
    {
      account_id: string | null;
      email: string | null;
      language: string | null;
      platform_locale: string | null;
      platform_zone: string | null;
      organization_id: string | null;
      organization_language: string | null;
    }[]
  >(
    `select a.id as account_id, a.email, a.language, a.platform_locale, a.platform_zone, l.organization_id,
       o.language as organization_language
     from (select 1) one
     left join chat_identity i on i.platform = ? and i.workspace_id = ? and i.user_id = ?
     left join account a on a.id = i.account_id
     left join workspace_link l on l.platform = ? and l.workspace_id = ?
     left join organization o on o.id = l.organization_id`,
    [u.platform, u.workspaceId, u.userId, u.platform, u.workspaceId],
  );
  const r = rows[0];
  return {
    account:
      r?.account_id && r.email
        ? {
            id: r.account_id,
            email: r.email,
            language: r.language,
            platformLocale: r.platform_locale,
            platformZone: r.platform_zone,
          }
        : null,
    organizationId: r?.organization_id ?? null,
    organizationLanguage: r?.organization_language ?? null,
  };
};

/** Records a verified identity; the first verification stays (returns the account it names). */
export const insertIdentity = async (em: EntityManager, u: ChatUser, accountId: string, at: Date) => {
  await em.execute(
    `insert into chat_identity (platform, workspace_id, user_id, account_id, verified_at)
     values (?, ?, ?, ?, ?) on conflict (platform, workspace_id, user_id) do nothing`,
    [u.platform, u.workspaceId, u.userId, accountId, at],
  );
  const rows = await em.execute<{ id: string; email: string }[]>(
    `select a.id, a.email from chat_identity i join account a on a.id = i.account_id
     where i.platform = ? and i.workspace_id = ? and i.user_id = ?`,
    [u.platform, u.workspaceId, u.userId],
  );
  return rows[0]!;
};

/** The platform user ids an account is verified as in one workspace. */
export const usersOfAccountIn = async (
  em: EntityManager,
  accountId: string,
  w: Workspace,
): Promise<string[]> =>
  (
    await em.execute<{ user_id: string }[]>(
      `select user_id from chat_identity where account_id = ? and platform = ? and workspace_id = ?
       order by verified_at desc`,
      [accountId, w.platform, w.workspaceId],
    )
  ).map((r) => r.user_id);

/** The workspaces of a platform where an account has a verified identity. */
export const workspacesOfAccount = async (
  em: EntityManager,
  accountId: string,
  platform: Platform,
): Promise<string[]> =>
  (
    await em.execute<{ workspace_id: string }[]>(
      'select distinct workspace_id from chat_identity where account_id = ? and platform = ?',
      [accountId, platform],
    )
  ).map((r) => r.workspace_id);
