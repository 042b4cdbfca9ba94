import { TurnContext as Turn, type TurnContext } from 'botbuilder';
import { info } from '../../../src/commands/reply.ts';
import { within } from '../../../src/commands/within.ts';
import { english } from '../../../src/i18n/words.ts';
import { activityWords } from '../activity-words.ts';
import { type BotDeps, cardActivity, inConversation } from '../deps.ts';
import { type Card, renderCard } from '../render-card.ts';

export const LATE = Symbol('late');

/** The work's result, or LATE when it is still running after the deadline (it keeps running). */
export const raceDeadline = async <T>(ms: number, running: Promise<T>): Promise<T | typeof LATE> => {
  const r = await within(running, ms);
  return r.done ? r.value : LATE;
};

/** the English answer of slow work (tests compare with it) */
export const WORKING = english.t('adapters.teams.working');

/**
 * Teams drops an invoke answered after 5 seconds. When a button's work takes longer than the
 * deadline the invoke is answered "working on it", and the result replaces the clicked card
 * when it is ready (or is posted, when the card is unknown).
 */
export const withinDeadline = async (
  deps: BotDeps,
  context: TurnContext,
  work: () => Promise<Card>,
): Promise<Card> => {
  const reference = Turn.getConversationReference(context.activity);
  const cardId = context.activity.replyToId;
  const running = work();
  const first = await raceDeadline(deps.deadlineMs, running);
  if (first !== LATE) return first;
  // after the answer: tracked, so a shutdown waits for it
  deps.inFlight.track(
    running
      .then((card) =>
        inConversation(deps, reference, async (c) => {
          if (cardId) await c.updateActivity({ ...cardActivity(card), id: cardId });
          else await c.sendActivity(cardActivity(card));
        }),
      )
      .catch(deps.log),
  );
  return renderCard(info(activityWords(context).t('adapters.teams.working')));
};
