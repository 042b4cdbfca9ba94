import type { TurnContext } from 'botbuilder';
import { info } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { askData } from '../card-data.ts';
import { renderCard } from '../render-card.ts';
import { brokenButton } from './refused.ts';

/** A destructive button asks first: the card turns into a yes/no question. */
export const onCardAsk = () => async (context: TurnContext, _state: unknown, raw: unknown) => {
  const data = askData.safeParse(raw);
  if (!data.success) return brokenButton(activityWords(context));
  const { action, payload, cardKey, confirm } = data.data;
  const card = renderCard(info(`${confirm.title} ${confirm.text}`), {});
  card.actions = [
    {
      type: 'Action.Execute',
      title: confirm.confirm,
      verb: 'run',
      style: 'destructive',
      data: { action, payload, ...(cardKey ? { cardKey } : {}) },
    },
    { type: 'Action.Execute', title: confirm.deny, verb: 'cancel', data: cardKey ? { cardKey } : {} },
  ];
  return card;
};
