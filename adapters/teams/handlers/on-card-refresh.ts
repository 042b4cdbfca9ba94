import type { TurnContext } from 'botbuilder';
import { info } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { keyData } from '../card-data.ts';
import type { BotDeps } from '../deps.ts';
import { type Card, renderCard } from '../render-card.ts';
import { answerWithCard } from './answer-card.ts';
import { brokenButton } from './refused.ts';

/** A stored card as this user sees it now: with its buttons while open, decided without them. */
export const storedCardFor = async (
  deps: BotDeps,
  context: TurnContext,
  cardKey: string,
): Promise<Card | null> => {
  const aad = context.activity.from?.aadObjectId;
  const stored = aad ? await deps.store.card(cardKey, aad) : null;
  if (!stored || !aad) return null;
  const { dialogCommand } = stored.reply;
  return stored.decided
    ? renderCard(stored.reply)
    : renderCard(stored.reply, {
        cardKey,
        refreshFor: [aad],
        ...(dialogCommand ? { dialogCommand } : {}),
        w: activityWords(context),
      });
};

/**
 * Universal Actions refresh: Teams asks for the current card when someone listed in
 * `refresh.userIds` views it. Anyone else (a forwarded card) gets no buttons.
 */
export const onCardRefresh =
  (deps: BotDeps) => async (context: TurnContext, _state: unknown, raw: unknown) => {
    const data = keyData.safeParse(raw);
    if (!data.success || !data.data.cardKey) return brokenButton(activityWords(context));
    return answerWithCard(
      context,
      (await storedCardFor(deps, context, data.data.cardKey)) ??
        renderCard(info(activityWords(context).t('adapters.teams.card.nothing_to_decide'))),
    );
  };
