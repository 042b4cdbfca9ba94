import type { TurnContext } from 'botbuilder';
import { runAction } from '../../../src/commands/dispatch.ts';
import type { ActionInput } from '../../../src/commands/handler.ts';
import { dialogSubmitData, OWN_KEYS } from '../card-data.ts';
import { cardText, replyText } from '../card-text.ts';
import { type BotDeps, cardActivity } from '../deps.ts';
import { renderCard } from '../render-card.ts';
import { guardPayload } from '../tenant-guard.ts';
import { teamsTurn } from '../turn-context.ts';
import { dialogFor } from './on-dialog-open.ts';
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

/**
 * task/submit: runs the form's action. A refusal keeps the dialog open with the values typed and
 * the errors next to the fields; success closes it with the result, also posted to the chat.
 */
export const onDialogSubmit =
  (deps: BotDeps) => async (context: TurnContext, _state: unknown, raw: unknown) => {
    const data = dialogSubmitData.safeParse(raw);
    if (!data.success) return 'That form is no longer valid. Run the command again.';
    const values = valuesOf(data.data);
    try {
      const turn = await teamsTurn(deps, context);
      await guardPayload(deps.store, turn.organizationId, data.data.payload);
      const reply = await runAction(
        turn.c,
        data.data.action,
        { payload: data.data.payload, values },
        deps.log,
      );
      if (reply.tone === 'error') {
        return await dialogFor(deps, context, data.data.command, {
          values,
          errors: reply.fieldErrors,
          error: reply.text,
        });
      }
      await context.sendActivity(cardActivity(renderCard(reply)));
      return replyText(reply);
    } catch (e) {
      return cardText(refusedCard(e, deps.log));
    }
  };
