import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Card } from '../render-card.ts';

/**
 * Answers an Action.Execute invoke with a card for the clicker only. teams-ai would replace the
 * message for everyone when the card has a `refresh` (and so show the buttons to all), so a card
 * that keeps its refresh is answered here directly.
 */
export const answerWithCard = async (context: TurnContext, card: Card): Promise<string> => {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    },
  });
  return '';
};
