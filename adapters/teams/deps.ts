import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Card } from './render-card.ts';
import type { TurnDeps } from './turn-context.ts';

/** What every Teams handler needs: the core, our tables, and the adapter to write proactively. */
export interface BotDeps extends TurnDeps {
  adapter: CloudAdapter;
  appId: string;
  /** how long an invoke may work before it answers "working on it" (Teams allows 5 s) */
  deadlineMs: number;
}

export const cardActivity = (card: Card): Partial<Activity> =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** Runs `logic` in a stored conversation (proactive message or card update). */
export const inConversation = (
  deps: BotDeps,
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
) => deps.adapter.continueConversationAsync(deps.appId, reference, logic);
