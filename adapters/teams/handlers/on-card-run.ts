import type { TurnContext } from 'botbuilder';
import { wordsOf } from '../../../src/commands/context.ts';
import { runAction } from '../../../src/commands/dispatch.ts';
import type { Reply } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { runData } from '../card-data.ts';
import { type BotDeps, cardActivity, inConversation } from '../deps.ts';
import { decidedReply, renderCard } from '../render-card.ts';
import { type TeamsTurn, teamsTurn } from '../turn-context.ts';
import { withinDeadline } from './deadline.ts';
import { brokenButton, refusedCard } from './refused.ts';

/**
 * After a decision (approve, reject, accept, …) every stored copy of its subject (each
 * approver's card) shows the outcome without buttons. Which subject was decided comes from the
 * core's reply, never from the card's data: a press that decided nothing (a refusal, "already
 * decided") changes no copy.
 */
const settle = async (deps: BotDeps, turn: TeamsTurn, reply: Reply) => {
  if (!reply.decided) return renderCard(reply);
  const by = turn.c.actor.email;
  const copies = await deps.store.decideCards(reply.decided, (old) =>
    decidedReply(old, reply, by, wordsOf(turn.c)),
  );
  for (const copy of copies) {
    if (copy.aadObjectId === turn.aadObjectId || !copy.reference || !copy.activityId) continue;
    await inConversation(deps, copy.reference, async (c) => {
      await c.updateActivity({ ...cardActivity(renderCard(copy.reply)), id: copy.activityId });
    }).catch(deps.log);
  }
  const mine = copies.find((c) => c.aadObjectId === turn.aadObjectId);
  return renderCard(mine ? mine.reply : reply);
};

/** A button press (Action.Execute, verb `run`): the action, checked against the tenant. */
export const onCardRun = (deps: BotDeps) => async (context: TurnContext, _state: unknown, raw: unknown) => {
  const data = runData.safeParse(raw);
  if (!data.success) return brokenButton(activityWords(context));
  return withinDeadline(deps, context, async () => {
    try {
      const turn = await teamsTurn(deps, context);
      const reply = await runAction(turn.c, data.data.action, { payload: data.data.payload }, deps.log);
      return await settle(deps, turn, reply);
    } catch (e) {
      return refusedCard(e, deps.log, activityWords(context));
    }
  });
};
