import { slackEnabled, slackNotifier } from '../../adapters/slack/slack-app.ts';
import { TeamsNotifier } from '../../adapters/teams/teams-notifier.ts';
import type { App } from '../app.ts';
import { LogNotifier } from './log-notifier.ts';
import { RoutingNotifier } from './routing-notifier.ts';

/** Where outbox notices go: Slack, then Teams, whichever knows the person; the log otherwise. */
export const chatNotifier = (app: App) =>
  new RoutingNotifier(
    [
      ...(slackEnabled(app.config)
        ? [slackNotifier({ config: app.config, service: app.ctx, log: app.log })]
        : []),
      ...(app.teams ? [new TeamsNotifier(app.teams.deps)] : []),
    ],
    new LogNotifier(app.log),
  );
