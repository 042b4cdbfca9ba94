import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { type CommandContext, wordsOf } from '../../../src/commands/context.ts';
import { runCommand } from '../../../src/commands/dispatch.ts';
import { errorReply } from '../../../src/commands/errors.ts';
import { fail, hasFile, info, type Reply, type ReplyFile } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { type BotDeps, cardActivity } from '../deps.ts';
import { contextOf, fileConsentCard } from '../files.ts';
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
    if (hasFile(reply)) {
      await offerFile(context, turn, reply, text);
      return;
    }
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
 * A reply with a file (an export): Teams lets a bot send a file only in a personal chat, and
 * only once the person consents. There: the line, then a file consent card whose context makes
 * the file again on accept (on-file-consent.ts). Elsewhere: one line saying where to ask.
 */
const offerFile = async (
  context: TurnContext,
  turn: { c: CommandContext },
  reply: Reply & { file: ReplyFile },
  text: string,
) => {
  const w = wordsOf(turn.c);
  const again = contextOf(reply.file);
  if (!again) throw new Error(`a file without a source cannot be offered in Teams: ${reply.file.name}`);
  if (context.activity.conversation?.conversationType !== 'personal') {
    await context.sendActivity(cardActivity(renderCard(info(w.t('exports.audit.personal_only', again)))));
    return;
  }
  const { file: _file, ...line } = reply;
  await context.sendActivity(cardActivity(renderCard(line, { dialogCommand: text })));
  await context.sendActivity({ type: 'message', attachments: [fileConsentCard(reply.file, again, w)] });
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
