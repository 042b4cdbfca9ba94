import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { wordsOf } from '../../../src/commands/context.ts';
import { runAction } from '../../../src/commands/dispatch.ts';
import { errorReply } from '../../../src/commands/errors.ts';
import { fail, type Reply } from '../../../src/commands/reply.ts';
import { english, type Words } from '../../../src/i18n/words.ts';
import { BUSY_TEXT } from '../after-ack.ts';
import { actionIdOf } from '../blocks.ts';
import { showDecision } from '../decisions.ts';
import type { SlackDeps } from '../deps.ts';
import { formView } from '../modal.ts';
import { slackContext } from '../people.ts';
import { tell } from '../tell.ts';

const buttonPayload = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/**
 * A button press: acked at once (Slack shows nothing from a block_actions ack), then the action
 * runs with the ids the button carried, after checking they belong to the workspace's
 * organization; the service checks the clicker's rights again. The answer goes to the clicker;
 * a first decision (approve, reject, accept, …) is shown on every copy of the message.
 */
export const buttonClick =
  (d: SlackDeps) =>
  async ({
    body,
    action,
    ack,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const where = { responseUrl: body.response_url, userId: body.user.id };
    const busy = () => tell(d, client, where, fail(BUSY_TEXT, 'busy'));
    await d.afterAck(async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      let reply: Reply;
      let w: Words = english;
      try {
        ({ reply, w } = await press(d, client, teamId, body, action));
      } catch (e) {
        reply = errorReply(e, (err) => d.log.error({ err }, 'button failed'));
      }
      if (reply.form && reply.tone !== 'error') {
        await client.views.open({ trigger_id: body.trigger_id, view: formView(reply, reply.form, {}, w) });
        return;
      }
      await tell(d, client, where, reply);
    }, busy);
  };

const press = async (
  d: SlackDeps,
  client: AllMiddlewareArgs['client'],
  teamId: string,
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
): Promise<{ reply: Reply; w: Words }> => {
  let payload: z.infer<typeof buttonPayload>;
  try {
    payload = buttonPayload.parse(JSON.parse(action.value ?? '{}'));
  } catch {
    // nobody identified yet (a users.info call only to say this is not worth it): English
    return { reply: fail(english.t('adapters.common.button_expired'), 'invalid_input'), w: english };
  }
  const who = await slackContext(d, client, teamId, body.user.id);
  if ('refusal' in who) return { reply: who.refusal, w: english };
  const w = wordsOf(who.c);
  const actionId = actionIdOf(action.action_id);
  const reply = await runAction(who.c, actionId, { payload }, (e) =>
    d.log.error({ err: e }, 'action failed'),
  );
  // only the press that decided the subject (the core says which) changes the other copies
  if (reply.decided) {
    await showDecision(d, reply.decided, {
      // the clicker's words, like the reply it quotes
      decision: w.t('adapters.slack.decision.by', {
        button: action.text.text,
        email: who.c.actor.email,
        result: reply.text,
      }),
    });
  }
  return { reply, w };
};
