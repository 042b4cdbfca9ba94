import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { InFlight } from '../../src/commands/in-flight.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { authOptions } from './auth-options.ts';
import { BotCredentialsFactory } from './bot-credentials.ts';
import type { BotDeps } from './deps.ts';
import { onCardAsk } from './handlers/on-card-ask.ts';
import { onCardCancel } from './handlers/on-card-cancel.ts';
import { onCardRefresh } from './handlers/on-card-refresh.ts';
import { onCardRun } from './handlers/on-card-run.ts';
import { onDialogOpen } from './handlers/on-dialog-open.ts';
import { onDialogSubmit } from './handlers/on-dialog-submit.ts';
import { onFileConsentAccept, onFileConsentDecline } from './handlers/on-file-consent.ts';
import { onInstalled } from './handlers/on-installed.ts';
import { onMessage } from './handlers/on-message.ts';
import { onPeopleSearch } from './handlers/on-people-search.ts';
import { TeamsRateLimits } from './rate-limits.ts';
import { PEOPLE_DATASET } from './render-dialog.ts';
import type { TeamsSettings } from './settings.ts';
import { TeamsStore } from './teams-store.ts';

export interface TeamsBot {
  deps: BotDeps;
  /** runs one authenticated activity through the routes */
  run(context: TurnContext): Promise<void>;
}

type ExecuteHandler = Parameters<Application['adaptiveCards']['actionExecute']>[1];

/** The Teams bot: botbuilder's adapter (authentication) and the teams-ai routes. Only wiring. */
export const buildTeamsBot = (
  config: TeamsSettings & { TEAMS_APP_ID: string },
  service: ServiceContext,
  log: (e: unknown) => void,
  opts: {
    deadlineMs?: number;
    inFlight?: InFlight;
    rateLimits?: ConstructorParameters<typeof TeamsRateLimits>[0];
  } = {},
): TeamsBot => {
  const credentials = new BotCredentialsFactory(
    {
      id: config.TEAMS_APP_ID,
      password: config.TEAMS_APP_PASSWORD ?? '',
      tenantId: config.TEAMS_APP_TENANT_ID,
    },
    config.BOTFRAMEWORK_LOGIN_URL,
  );
  const adapter = new TeamsAdapter(authOptions(config), credentials);
  const deps: BotDeps = {
    service,
    store: new TeamsStore(service.em, () => service.clock.now()),
    log,
    adapter,
    appId: config.TEAMS_APP_ID,
    deadlineMs: opts.deadlineMs ?? 4000,
    inFlight: opts.inFlight ?? new InFlight(),
    limits: new TeamsRateLimits(opts.rateLimits, () => service.clock.now().getTime()),
  };
  const app = new Application({
    adapter,
    botAppId: config.TEAMS_APP_ID,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  // our handlers check the action data with zod and answer plain-JSON cards; teams-ai types
  // both loosely (its card type is the adaptivecards SDK's), hence the one cast here
  const card = <T>(h: (c: TurnContext, s: unknown, d: unknown) => Promise<T>) =>
    h as unknown as ExecuteHandler;
  app.activity(ActivityTypes.Message, onMessage(deps));
  app.activity([ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate], onInstalled(deps));
  app.adaptiveCards.actionExecute('run', card(onCardRun(deps)));
  app.adaptiveCards.actionExecute('ask', card(onCardAsk()));
  app.adaptiveCards.actionExecute('cancel', card(onCardCancel(deps)));
  app.adaptiveCards.actionExecute('refresh', card(onCardRefresh(deps)));
  app.taskModules.fetch('dialog', onDialogOpen(deps));
  app.taskModules.submit('submit', onDialogSubmit(deps));
  app.fileConsentAccept(onFileConsentAccept(deps));
  app.fileConsentDecline(onFileConsentDecline(deps));
  app.adaptiveCards.search(new RegExp(`^${PEOPLE_DATASET}`), onPeopleSearch(deps));
  app.error(async (_context, error) => log(error));
  return { deps, run: (context) => app.run(context).then(() => {}) };
};
