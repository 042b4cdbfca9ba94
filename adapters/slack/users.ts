import type { EntityManager } from '@mikro-orm/postgresql';
import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

/** A cached lookup is trusted for a day; then users.info is asked again (emails change). */
const FRESH_MS = 24 * 3600 * 1000;

/**
 * The email Slack shows for a user (users.info, scope users:read.email), cached per team and
 * user. Null when Slack shows none (a bot, a guest, or a workspace hiding emails).
 */
export const emailOfUser = async (
  em: EntityManager,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<string | null> => {
  const cached = await em
    .fork()
    .execute<{ email: string | null; fetched_at: Date }[]>(
      'select email, fetched_at from slack_user where team_id = ? and user_id = ?',
      [teamId, userId],
    );
  const hit = cached[0];
  if (hit && Date.now() - new Date(hit.fetched_at).getTime() < FRESH_MS) return hit.email;
  const r = await client.users.info({ user: userId });
  const email = r.user?.profile?.email?.toLowerCase() ?? null;
  await remember(em, teamId, userId, email);
  return email;
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
    await remember(em, teamId, r.user.id, email.toLowerCase());
    return r.user.id;
  } catch (e) {
    if ((e as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
    throw e;
  }
};

const remember = (em: EntityManager, teamId: string, userId: string, email: string | null) =>
  em.fork().execute(
    `insert into slack_user (team_id, user_id, email, fetched_at) values (?, ?, ?, now())
     on conflict (team_id, user_id) do update set email = excluded.email, fetched_at = excluded.fetched_at`,
    [teamId, userId, email],
  );
