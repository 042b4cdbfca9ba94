import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { wordsOf } from '../../../src/commands/context.ts';
import { submitForm } from '../../../src/commands/dispatch.ts';
import { errorReply } from '../../../src/commands/errors.ts';
import { fail, info, type Reply } from '../../../src/commands/reply.ts';
import { within } from '../../../src/commands/within.ts';
import { isLocale } from '../../../src/i18n/locale.ts';
import { english, type Words, wordsFor } from '../../../src/i18n/words.ts';
import type { SlackDeps } from '../deps.ts';
import { fieldErrorsFor, formMetadata, formValues, formWords } from '../modal.ts';
import { slackContext } from '../people.ts';
import { sentWords } from '../sent-words.ts';
import { tell } from '../tell.ts';

/**
 * A modal submitted: the action and its ids come from private_metadata, the values from the
 * view state. Refusals about a field stay in the modal (`response_action: 'errors'`, shown on
 * that field); anything else closes it and the result goes to the person (the command's
 * response_url, else a DM). Slow work is acked first and reported when done.
 */
export const formSubmit =
  (d: SlackDeps) =>
  async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const metadata = safeJson(view.private_metadata);
    const parsed = formMetadata.safeParse(metadata);
    const where = { responseUrl: parsed.success ? parsed.data.responseUrl : undefined, userId: body.user.id };
    if (!parsed.success) {
      await ack();
      // nobody identified yet: the language the modal was opened in if it still says, else Slack's
      const opened = localeIn(metadata);
      const w = isLocale(opened) ? wordsFor(opened) : sentWords(body);
      await tell(d, client, where, fail(w.t('adapters.common.form_expired'), 'invalid_input'));
      return;
    }
    const meta = parsed.data;
    // the modal's own input blocks: block_id is the form field's name, the label what was shown
    const shown = view.blocks.flatMap((b) =>
      b.type === 'input' && b.block_id ? [{ name: b.block_id, label: labelOf(b) ?? b.block_id }] : [],
    );
    const fields = shown.map((f) => f.name);
    // the language the modal was opened in, until the person is identified again
    let w: Words = formWords(meta);
    const work = (async (): Promise<Reply> => {
      try {
        const who = await slackContext(d, client, teamId, body.user.id);
        if ('refusal' in who) return who.refusal;
        w = wordsOf(who.c);
        const values = formValues(view.state.values as never);
        return await submitForm(
          who.c,
          { action: meta.action, payload: meta.payload, values, fields: shown },
          (e) => d.log.error({ err: e }, 'form action failed'),
        );
      } catch (e) {
        return errorReply(e, (err) => d.log.error({ err }, 'form submission failed'));
      }
    })();
    const first = await within(work, d.ackAfterMs);
    if (first.done) {
      const errors = fieldErrorsFor({ fields }, first.value);
      if (errors) {
        await ack({ response_action: 'errors', errors });
        return;
      }
    }
    await ack();
    if (first.done) return tell(d, client, where, first.value);
    // a long one (a wave of leavers): say so at once, then replace that message with the result
    // (two of the response_url's five uses)
    await tell(d, client, where, info(w.t('adapters.slack.working.form')));
    await tell(d, client, { ...where, replaceOriginal: true }, await work);
  };

/** the English ack of a slow submission (tests compare with it) */
export const WORKING_ON_FORM = english.t('adapters.slack.working.form');

const labelOf = (b: object): string | undefined => {
  const label = (b as { label?: { text?: unknown } }).label?.text;
  return typeof label === 'string' ? label : undefined;
};

const localeIn = (metadata: unknown): string | undefined => {
  const locale = (metadata as { locale?: unknown } | null)?.locale;
  return typeof locale === 'string' ? locale : undefined;
};

const safeJson = (s: string) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
};
