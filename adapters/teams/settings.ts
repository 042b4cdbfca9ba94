import type { CloudName } from './clouds.ts';

/**
 * The settings the Teams adapter reads, by their environment names. The composition root passes
 * the validated configuration; the adapter names only what it uses (it does not import it).
 */
export interface TeamsSettings {
  TEAMS_APP_ID?: string | undefined;
  TEAMS_APP_PASSWORD?: string | undefined;
  TEAMS_APP_TENANT_ID?: string | undefined;
  BOTFRAMEWORK_CLOUD: CloudName;
  BOTFRAMEWORK_OPENID_METADATA?: string | undefined;
  BOTFRAMEWORK_TOKEN_ISSUER?: string | undefined;
  BOTFRAMEWORK_LOGIN_URL?: string | undefined;
  BOTFRAMEWORK_OAUTH_SCOPE?: string | undefined;
  BOTFRAMEWORK_OAUTH_URL?: string | undefined;
  BOTFRAMEWORK_CHANNEL_SERVICE?: string | undefined;
}
