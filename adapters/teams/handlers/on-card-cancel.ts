import type { TurnContext } from 'botbuilder';
import { info } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { keyData } from '../card-data.ts';
import type { BotDeps } from '../deps.ts';
import { renderCard } from '../render-card.ts';
import { answerWithCard } from './answer-card.ts';
import { storedCardFor } from './on-card-refresh.ts';
import { brokenButton } from './refused.ts';

/** "No" to a confirmation: the card goes back to how it was; nothing changes. */
export const onCardCancel =
  (deps: BotDeps) => async (context: TurnContext, _state: unknown, raw: unknown) => {
    const data = keyData.safeParse(raw);
    if (!data.success) return brokenButton(activityWords(context));
    const stored = data.data.cardKey ? await storedCardFor(deps, context, data.data.cardKey) : null;
    return answerWithCard(
      context,
      stored ?? renderCard(info(activityWords(context).t('adapters.teams.card.cancelled'))),
    );
  };
