import { TurnContext as Turn, type TurnContext } from 'botbuilder';
import { info } from '../../../src/commands/reply.ts';
import { type BotDeps, cardActivity, inConversation } from '../deps.ts';
import { type Card, renderCard } from '../render-card.ts';

const LATE = Symbol('late');

/**
 * Teams drops an invoke answered after 5 seconds. When the work takes longer than the deadline
 * the invoke is answered "working on it" and the result is posted to the chat when it is ready.
 */
export const withinDeadline = async (
  deps: BotDeps,
  context: TurnContext,
  work: () => Promise<Card>,
): Promise<Card> => {
  const reference = Turn.getConversationReference(context.activity);
  const running = work();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), deps.deadlineMs);
  });
  const first = await Promise.race([running, late]);
  clearTimeout(timer);
  if (first !== LATE) return first;
  running
    .then((card) => inConversation(deps, reference, (c) => c.sendActivity(cardActivity(card)).then(() => {})))
    .catch(deps.log);
  return renderCard(info('Working on it… the result follows in this chat.'));
};
