/**
 * The settings the Slack adapter reads, by their environment names. The composition root passes
 * the validated configuration; the adapter names only what it uses (it does not import it).
 */
export interface SlackSettings {
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_CLIENT_ID?: string | undefined;
  SLACK_CLIENT_SECRET?: string | undefined;
  SLACK_STATE_SECRET?: string | undefined;
  SLACK_API_URL: string;
  SLACK_APP_TOKEN?: string | undefined;
  ENCRYPTION_KEY?: string | undefined;
  PUBLIC_URL: string;
}
