import { type TaskModuleTaskInfo, TurnContext as Turn, type TurnContext } from 'botbuilder';
import { wordsOf } from '../../../src/commands/context.ts';
import { runCommand, submitForm } from '../../../src/commands/dispatch.ts';
import type { ActionInput } from '../../../src/commands/handler.ts';
import type { Reply } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { dialogSubmitData, OWN_KEYS } from '../card-data.ts';
import { cardText, replyText } from '../card-text.ts';
import { type BotDeps, cardActivity, inConversation } from '../deps.ts';
import { renderCard } from '../render-card.ts';
import { dialogTask } from '../render-dialog.ts';
import { teamsTurn } from '../turn-context.ts';
import { LATE, raceDeadline } from './deadline.ts';
import { refusedCard } from './refused.ts';

type Values = NonNullable<ActionInput['values']>;

/** The form values of a submission: everything Teams merged into the data that is not ours. */
const valuesOf = (data: Record<string, unknown>): Values => {
  const out: Values = {};
  for (const [k, v] of Object.entries(data)) {
    if (OWN_KEYS.has(k)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String);
  }
  return out;
};

/** What a submission came to: the action's reply, and the dialog again when it was refused. */
type Outcome = { reply: Reply; dialog?: TaskModuleTaskInfo | string };

/**
 * task/submit: runs the form's action. The form is built again first (from its command, as the
 * dialog was opened), so a refusal names the field by the label shown and keeps the dialog open
 * with the values typed and the error next to the field; success closes it with the result, also
 * posted to the chat.
 * Work slower than the deadline closes the dialog "working on it" and posts the result after.
 */
export const onDialogSubmit =
  (deps: BotDeps) => async (context: TurnContext, _state: unknown, raw: unknown) => {
    const data = dialogSubmitData.safeParse(raw);
    if (!data.success) return activityWords(context).t('adapters.common.form_expired');
    const { command, action, payload } = data.data;
    const values = valuesOf(data.data);
    const reference = Turn.getConversationReference(context.activity);
    const running = (async (): Promise<Outcome> => {
      const turn = await teamsTurn(deps, context);
      const opened = await runCommand(turn.c, command, deps.log);
      const form = opened.tone === 'error' ? undefined : opened.form;
      const reply = await submitForm(
        turn.c,
        { action, payload, values, fields: form?.fields ?? [] },
        deps.log,
      );
      if (reply.tone !== 'error') return { reply };
      // a form that cannot open again (the command is refused now) closes with the refusal
      if (!form) return { reply, dialog: replyText(reply) };
      return {
        reply,
        dialog: dialogTask(form, command, {
          values,
          errors: reply.fieldErrors,
          error: reply.text,
          w: wordsOf(turn.c),
        }),
      };
    })();
    try {
      const outcome = await raceDeadline(deps.deadlineMs, running);
      if (outcome === LATE) {
        // after the answer: tracked, so a shutdown waits for it
        deps.inFlight.track(
          running
            .then((o) =>
              inConversation(deps, reference, async (c) => {
                await c.sendActivity(cardActivity(renderCard(o.reply)));
              }),
            )
            .catch(deps.log),
        );
        return activityWords(context).t('adapters.teams.working');
      }
      if (outcome.dialog) return outcome.dialog;
      await context.sendActivity(cardActivity(renderCard(outcome.reply)));
      return replyText(outcome.reply);
    } catch (e) {
      return cardText(refusedCard(e, deps.log, activityWords(context)));
    }
  };
