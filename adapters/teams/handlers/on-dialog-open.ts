import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { wordsOf } from '../../../src/commands/context.ts';
import { runCommand } from '../../../src/commands/dispatch.ts';
import { activityWords } from '../activity-words.ts';
import { dialogOpenData } from '../card-data.ts';
import { cardText, replyText } from '../card-text.ts';
import type { BotDeps } from '../deps.ts';
import { renderDialog } from '../render-dialog.ts';
import { teamsTurn } from '../turn-context.ts';
import { refusedCard } from './refused.ts';

/** A dialog's card: the form of a command (offboard, add, billing), built fresh when opened. */
export const dialogFor = async (
  deps: BotDeps,
  context: TurnContext,
  command: string,
  opts: Parameters<typeof renderDialog>[2] = {},
): Promise<TaskModuleTaskInfo | string> => {
  const turn = await teamsTurn(deps, context);
  const reply = await runCommand(turn.c, command, deps.log);
  if (!reply.form || reply.tone === 'error') return replyText(reply);
  return {
    title: reply.form.title,
    width: 'medium',
    height: 'medium',
    card: {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: renderDialog(reply.form, command, { w: wordsOf(turn.c), ...opts }),
    },
  };
};

/** task/fetch: opens the dialog of the command named by the button. */
export const onDialogOpen =
  (deps: BotDeps) => async (context: TurnContext, _state: unknown, raw: unknown) => {
    const data = dialogOpenData.safeParse(raw);
    if (!data.success) return activityWords(context).t('adapters.common.button_expired');
    try {
      return await dialogFor(deps, context, data.data.command);
    } catch (e) {
      return cardText(refusedCard(e, deps.log, activityWords(context)));
    }
  };
