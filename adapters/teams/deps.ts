import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { InFlight } from '../../src/commands/in-flight.ts';
import type { TeamsRateLimits } from './rate-limits.ts';
import type { Card } from './render-card.ts';
import type { TurnDeps } from './turn-context.ts';

/** What every Teams handler needs: the core, our tables, and the adapter to write proactively. */
export interface BotDeps extends TurnDeps {
  adapter: CloudAdapter;
  appId: string;
  /** how long an invoke may work before it answers "working on it" (Teams allows 5 s) */
  deadlineMs: number;
  /** work that goes on after the invoke was answered (a shutdown waits for it) */
  inFlight: InFlight;
  /** proactive messages within Teams' limits, shared by every notifier of this bot */
  limits?: TeamsRateLimits;
}

export const cardActivity = (card: Card): Partial<Activity> =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

/**
 * Runs `logic` in a stored conversation (proactive message or card update). A failure is thrown
 * to the caller (the adapter's turn-error handler would otherwise swallow it), so the outbox can
 * retry and a 429 can say when.
 */
export const inConversation = async (
  deps: BotDeps,
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
) => {
  let failure: unknown = null;
  await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
    try {
      await logic(context);
    } catch (e) {
      failure = e;
    }
  });
  if (failure) throw failure;
};
