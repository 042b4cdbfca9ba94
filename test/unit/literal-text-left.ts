/**
 * Files under the grammar and the chat adapters that still write person-facing prose as string
 * literals instead of catalog messages, with how many (test/unit/literal-text.test.ts). Lower a
 * count when text moves to src/i18n/catalogs; never raise one.
 */
export const LITERAL_TEXT_LEFT: Record<string, number> = {
  // HTTP answers to a caller that is not a person in a chat (a forged or misrouted request, a
  // malformed activity): read by whoever operates the URL, in the logs' language
  'adapters/slack/request-guard.ts': 2,
  'adapters/teams/route.ts': 6,
  // why a direct message could not be sent: kept on the outbox row and in the logs for operators
  'adapters/slack/slack-notifier.ts': 1,
  'adapters/teams/teams-notifier.ts': 2,
  // its `example` is a command, typed the same in every language
  'src/commands/handlers/org-create.ts': 1,
  // a delivery's retry reason, for the outbox row and the logs
  'src/commands/notifier.ts': 1,
};
