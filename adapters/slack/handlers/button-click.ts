import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { wordsOf } from '../../../src/commands/context.ts';
import { runAction } from '../../../src/commands/dispatch.ts';
import { errorReply } from '../../../src/commands/errors.ts';
import { fail, type Reply } from '../../../src/commands/reply.ts';
import { type Words, wordsFor } from '../../../src/i18n/words.ts';
import { actionIdOf } from '../blocks.ts';
import { showDecision } from '../decisions.ts';
import type { SlackDeps } from '../deps.ts';
import type { MessageCopy } from '../message-copies.ts';
import { formView } from '../modal.ts';
import { slackContext } from '../people.ts';
import { sentWords } from '../sent-words.ts';
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
    // said before the presser is identified: in the locale Slack sent, if any
    const sent = sentWords(body);
    const busy = () => tell(d, client, where, fail(sent.t('adapters.slack.busy'), 'busy'));
    await d.afterAck(async () => {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      let reply: Reply;
      let w: Words = sent;
      try {
        ({ reply, w } = await press(d, client, teamId, body, action, sent));
      } catch (e) {
        reply = errorReply(e, (err) => d.log.error({ err }, 'button failed'), undefined, w);
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
  sent: Words,
): Promise<{ reply: Reply; w: Words }> => {
  let payload: z.infer<typeof buttonPayload>;
  try {
    payload = buttonPayload.parse(JSON.parse(action.value ?? '{}'));
  } catch {
    // nobody identified yet (a users.info call only to say this is not worth it): Slack's locale
    return { reply: fail(sent.t('adapters.common.button_expired'), 'invalid_input'), w: sent };
  }
  const who = await slackContext(d, client, teamId, body.user.id);
  if ('refusal' in who) return { reply: who.refusal, w: sent };
  const w = wordsOf(who.c);
  const actionId = actionIdOf(action.action_id);
  const reply = await runAction(who.c, actionId, { payload }, (e) =>
    d.log.error({ err: e }, 'action failed'),
  );
  // only the press that decided the subject (the core says which) changes the other copies
  if (reply.decided) {
    await showDecision(d, reply.decided, (copy) =>
      decisionLine(copy, w, {
        actionId,
        button: action.text.text,
        email: who.c.actor.email,
        result: reply.text,
      }),
    );
  }
  return { reply, w };
};

/**
 * The decision line on one copy, in the language that copy was written in: the button as that
 * copy labels it and who pressed it; the clicker's result (their reply, in their words) only on
 * copies in the clicker's language; the others get theirs from their own result notice.
 */
const decisionLine = (
  copy: MessageCopy,
  clicker: Words,
  click: { actionId: string; button: string; email: string; result: string },
) => {
  const w = copy.locale ? wordsFor(copy.locale) : clicker;
  const button = copy.reply.buttons?.find((b) => b.action === click.actionId)?.label ?? click.button;
  return w.locale === clicker.locale
    ? w.t('adapters.slack.decision.by', { button, email: click.email, result: click.result })
    : w.t('adapters.slack.decision.by_only', { button, email: click.email });
};
