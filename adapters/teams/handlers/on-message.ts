import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { type CommandContext, wordsOf } from '../../../src/commands/context.ts';
import { runCommand } from '../../../src/commands/dispatch.ts';
import { errorReply } from '../../../src/commands/errors.ts';
import { fail, info, type Reply } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { type BotDeps, cardActivity } from '../deps.ts';
import { renderCard } from '../render-card.ts';
import { TurnRefused, teamsTurn } from '../turn-context.ts';
import { turnRefusal } from './refused.ts';

/**
 * Turns a message into command text: other people's @mentions become mention tokens the grammar
 * knows (the bot's own was removed already), and a leading `seats` is optional.
 */
export const commandText = (context: TurnContext): string => {
  let text = context.activity.text ?? '';
  for (const e of context.activity.entities ?? []) {
    if (e.type !== 'mention' || !e.mentioned?.id || typeof e.text !== 'string') continue;
    if (e.mentioned.id === context.activity.recipient?.id) continue;
    const label = String(e.mentioned.name ?? '').replace(/[\s|>]+/g, '_');
    text = text.replace(e.text, `<@${e.mentioned.id}${label ? `|${label}` : ''}>`);
  }
  text = text
    .replace(/<[^@][^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim();
  return text.replace(/^\/?seats\b\s*/i, '').trim() || 'help';
};

/** A message to the bot: run it as a command and answer with the reply as a card. */
export const onMessage = (deps: BotDeps) => async (context: TurnContext) => {
  const text = commandText(context);
  let reply: Reply;
  try {
    const turn = await teamsTurn(deps, context);
    reply = await runCommand(turn.c, text, deps.log);
    if (reply.private && context.activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(cardActivity(await privateCard(deps, context, turn, reply, text)));
      return;
    }
  } catch (e) {
    reply =
      e instanceof TurnRefused
        ? fail(turnRefusal(e, activityWords(context)), 'forbidden')
        : errorReply(e, deps.log, undefined, activityWords(context));
  }
  await context.sendActivity(cardActivity(renderCard(reply, { dialogCommand: text })));
};

/**
 * Teams has no ephemeral messages: a private reply in a channel or group chat is posted as a
 * card that only says who it is for, refreshed with the content for that person alone.
 */
const privateCard = async (
  deps: BotDeps,
  context: TurnContext,
  turn: { c: CommandContext; aadObjectId: string },
  reply: Reply,
  text: string,
) => {
  const aad = turn.aadObjectId;
  const cardKey = `private:${randomUUID()}`;
  await deps.store.saveCard(cardKey, aad, '', { ...reply, dialogCommand: text });
  const w = wordsOf(turn.c);
  const name = context.activity.from?.name || w.t('adapters.teams.private.someone');
  return renderCard(info(w.t('adapters.teams.private.only_for', { name })), {
    cardKey,
    refreshFor: [aad],
    hideButtons: true,
    w,
  });
};
