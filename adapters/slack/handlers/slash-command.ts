import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { wordsOf } from '../../../src/commands/context.ts';
import { runCommand } from '../../../src/commands/dispatch.ts';
import { errorReply } from '../../../src/commands/errors.ts';
import { fail, hasFile, info, type Reply } from '../../../src/commands/reply.ts';
import { within } from '../../../src/commands/within.ts';
import { english, type Words } from '../../../src/i18n/words.ts';
import type { SlackDeps } from '../deps.ts';
import { formView } from '../modal.ts';
import { typedText } from '../mrkdwn.ts';
import { slackContext } from '../people.ts';
import { sentWords } from '../sent-words.ts';
import { commandAck, tell } from '../tell.ts';
import { uploadReplyFile } from '../upload.ts';

/** the English ack of a slow command (tests and drivers compare with it) */
export const WORKING = english.t('adapters.slack.working.command');
/** Slack gives up on an ack after 3 s; leave room for the network */
const ACK_DEADLINE_MS = 2500;
const couldNotOpen = (w: Words) => fail(w.t('adapters.slack.form.could_not_open'), 'internal');

/**
 * `/seats <text>`: runs the command and races it against a short timer. A quick answer goes in
 * the ack; a slow one (a charge, a bulk offboarding) is acked with "Working on it…" at once and
 * its result, error included, posted to the response_url when it is done. A form opens as a
 * modal right away (the trigger_id dies 3 s after the command). A reply with a file (an export)
 * is answered first and its file uploaded after the ack: an ack carries no file.
 */
export const slashCommand =
  (d: SlackDeps) =>
  async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const received = Date.now();
    // the reader's words are known once they are identified; until then (a slow ack) the locale
    // Slack sent, if any, else English
    let w: Words = sentWords(command);
    const work = (async (): Promise<Reply> => {
      try {
        const who = await slackContext(d, client, command.team_id, command.user_id);
        if ('refusal' in who) return who.refusal;
        w = wordsOf(who.c);
        return await runCommand(who.c, typedText(command.text), (e) =>
          d.log.error({ err: e }, 'command failed'),
        );
      } catch (e) {
        return errorReply(e, (err) => d.log.error({ err }, 'slash command failed'));
      }
    })();
    const where = {
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    const first = await within(work, d.ackAfterMs);
    if (!first.done) {
      await ack(commandAck(info(w.t('adapters.slack.working.command'))));
      const reply = await work;
      await tell(
        d,
        client,
        { responseUrl: command.response_url, userId: command.user_id, replaceOriginal: true },
        reply.form && reply.tone !== 'error' ? info(w.t('adapters.slack.form.too_slow')) : reply,
      );
      if (hasFile(reply)) await uploadReplyFile(d, client, where, reply, w);
      return;
    }
    const reply = first.value;
    if (reply.form && reply.tone !== 'error') {
      // views.open must use the trigger within 3 s; the ack must not wait on a slow Slack either
      const opening = client.views
        .open({
          trigger_id: command.trigger_id,
          view: formView(reply, reply.form, { responseUrl: command.response_url }, w),
        })
        .then(
          () => true,
          (e: unknown) => {
            d.log.error({ err: e, elapsedMs: Date.now() - received }, 'views.open failed');
            return false;
          },
        );
      const opened = await within(opening, Math.max(0, ACK_DEADLINE_MS - (Date.now() - received)));
      if (opened.done && opened.value) return ack();
      if (opened.done) return ack(commandAck(couldNotOpen(w)));
      await ack();
      if (!(await opening)) {
        await tell(
          d,
          client,
          { responseUrl: command.response_url, userId: command.user_id },
          couldNotOpen(w),
        );
      }
      return;
    }
    await ack(commandAck(reply));
    if (hasFile(reply)) await uploadReplyFile(d, client, where, reply, w);
  };
