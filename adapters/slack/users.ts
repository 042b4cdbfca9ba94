import type { EntityManager } from '@mikro-orm/postgresql';
import type { webApi } from '@slack/bolt';
import type { PlatformProfile } from '../../src/service/chat-access.ts';

type WebClient = webApi.WebClient;

/**
 * What Slack says about a user (users.info, scope users:read.email): the profile email, and
 * whether Slack confirmed the person owns it. Null email: Slack shows none (a bot, a guest, or
 * a workspace hiding emails).
 */
export const slackProfile = async (client: WebClient, userId: string): Promise<PlatformProfile> =>
  (await slackUser(client, userId)).profile;

/** users.info once: the profile the core verifies, and the user's time zone (an IANA name, e.g. `Europe/Lisbon`). */
export const slackUser = async (
  client: WebClient,
  userId: string,
): Promise<{ profile: PlatformProfile; timeZone: string | undefined }> => {
  // include_locale: the language the person reads Slack in (`fr-FR`), for ours
  const r = await client.users.info({ user: userId, include_locale: true });
  return {
    profile: {
      email: r.user?.profile?.email?.toLowerCase() ?? null,
      confirmed: r.user?.is_email_confirmed === true,
      locale: r.user?.locale ?? null,
      zone: r.user?.tz || null,
    },
    timeZone: r.user?.tz || undefined,
  };
};

/** The Slack user with this email in a team: the cache first, then users.lookupByEmail. */
export const userOfEmail = async (
  em: EntityManager,
  client: WebClient,
  teamId: string,
  email: string,
): Promise<string | null> => {
  const cached = await em
    .fork()
    .execute<{ user_id: string }[]>(
      'select user_id from slack_user where team_id = ? and email = ? order by fetched_at desc limit 1',
      [teamId, email.toLowerCase()],
    );
  if (cached[0]) return cached[0].user_id;
  try {
    const r = await client.users.lookupByEmail({ email });
    if (!r.user?.id) return null;
    await em.fork().execute(
      `insert into slack_user (team_id, user_id, email, fetched_at) values (?, ?, ?, now())
       on conflict (team_id, user_id) do update set email = excluded.email, fetched_at = excluded.fetched_at`,
      [teamId, r.user.id, email.toLowerCase()],
    );
    return r.user.id;
  } catch (e) {
    if ((e as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
    throw e;
  }
};
