import { slackEnabled, slackNotifier } from '../../adapters/slack/slack-app.ts';
import type { App } from '../app.ts';
import { LogNotifier } from './log-notifier.ts';
import { RoutingNotifier } from './routing-notifier.ts';

/**
 * Where outbox notices go: Slack, then Teams, whichever knows the person; the log otherwise.
 * The Teams notifier (botbuilder) is loaded only when Teams is on: it costs about half a second
 * of start-up otherwise.
 */
export const chatNotifier = async (app: App) => {
  const teams = app.teams
    ? new (await import('../../adapters/teams/teams-notifier.ts')).TeamsNotifier(app.teams.deps)
    : null;
  return new RoutingNotifier(
    [
      ...(slackEnabled(app.config)
        ? [slackNotifier({ config: app.config, service: app.ctx, log: app.log })]
        : []),
      ...(teams ? [teams] : []),
    ],
    new LogNotifier(app.log),
  );
};
