import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Form, FormField, Reply } from '../../src/commands/reply.ts';
import { isLocale } from '../../src/i18n/locale.ts';
import { english, type Words, wordsFor } from '../../src/i18n/words.ts';
import { escapedWithin } from './blocks.ts';

type View = types.View;
type KnownBlock = types.KnownBlock;
type Option = types.PlainTextOption;

export const FORM_CALLBACK_ID = 'seatkeeper_form';
/** every input element has this action_id; the block_id is the form field's name */
export const FORM_INPUT = 'form_input';
const VALUE = FORM_INPUT;
/** the block that sums up the choices before submitting */
export const SUMMARY_BLOCK = 'summary';

/** What a modal carries to its submission (Slack allows 3000 characters of private_metadata). */
export const formMetadata = z.object({
  action: z.string(),
  payload: z.record(z.string(), z.string()),
  /** where to post the result: the slash command's response_url, else a DM to the user */
  responseUrl: z.string().optional(),
  /** field name → the core search that answers its people picker (block_suggestion) */
  people: z.record(z.string(), z.string()).optional(),
  /** the reader's language, so a redrawn summary speaks it without asking Slack again */
  locale: z.string().optional(),
});
export type FormMetadata = z.infer<typeof formMetadata>;

/** plain_text is never parsed by Slack: it gets the raw text (escaping would show `&amp;`). */
const text = (t: string, max = 2000) => ({ type: 'plain_text' as const, text: t.slice(0, max), emoji: true });
const option = (o: { value: string; label: string }): Option => ({
  text: text(o.label, 75),
  value: o.value.slice(0, 150),
});

const element = (f: FormField, w: Words): types.InputBlockElement | null => {
  const initial = f.initial;
  switch (f.type) {
    case 'text':
    case 'textarea':
      return {
        type: 'plain_text_input',
        action_id: VALUE,
        multiline: f.type === 'textarea',
        ...(typeof initial === 'string' && initial ? { initial_value: initial } : {}),
      };
    case 'email':
      return {
        type: 'email_text_input',
        action_id: VALUE,
        ...(typeof initial === 'string' && initial ? { initial_value: initial } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id: VALUE,
        is_decimal_allowed: false,
        ...(initial !== undefined && initial !== '' ? { initial_value: String(initial) } : {}),
        ...(f.min !== undefined ? { min_value: String(f.min) } : {}),
        ...(f.max !== undefined ? { max_value: String(f.max) } : {}),
      };
    case 'select': {
      const options = (f.options ?? []).slice(0, 100).map(option);
      if (!options.length) return null;
      const init = options.find((o) => o.value === initial);
      return { type: 'static_select', action_id: VALUE, options, ...(init ? { initial_option: init } : {}) };
    }
    case 'multiselect': {
      const options = (f.options ?? []).slice(0, 100).map(option);
      if (!options.length) return null;
      const wanted = new Set(Array.isArray(initial) ? initial : []);
      const init = options.filter((o) => wanted.has(o.value ?? ''));
      return {
        type: 'multi_static_select',
        action_id: VALUE,
        options,
        ...(init.length ? { initial_options: init } : {}),
      };
    }
    case 'people': {
      // served by our options endpoint (block_suggestion), so any member can be found; every
      // pre-filled person is an initial option, none is lost to a cap on the static list
      const wanted = new Set(Array.isArray(initial) ? initial : []);
      const init = (f.options ?? []).filter((o) => wanted.has(o.value)).map(option);
      return {
        type: 'multi_external_select',
        action_id: VALUE,
        min_query_length: 0,
        placeholder: text(w.t('adapters.common.people_placeholder'), 150),
        ...(init.length ? { initial_options: init } : {}),
      };
    }
    case 'checkbox': {
      const yes: Option = { text: text(w.t('adapters.slack.modal.yes')), value: 'on' };
      return {
        type: 'checkboxes',
        action_id: VALUE,
        options: [yes],
        ...(initial === true ? { initial_options: [yes] } : {}),
      };
    }
  }
};

/**
 * A neutral form as a Slack modal: the reply's headline on top, one input block per field
 * (block_id = field name, so `response_action: 'errors'` lands on the right field), and the
 * action and its payload in private_metadata for the submission.
 */
export const formView = (
  reply: Reply,
  form: Form,
  meta: Omit<FormMetadata, 'action' | 'payload' | 'locale'> = {},
  w: Words = english,
): View => {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: escapedWithin(reply.text) } },
  ];
  for (const f of form.fields) {
    const el = element(f, w);
    if (!el) {
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: w.t('adapters.slack.modal.nothing_to_pick', { label: `*${escapedWithin(f.label, 200)}*` }),
        },
      });
      continue;
    }
    blocks.push({
      type: 'input',
      block_id: f.name,
      label: text(f.label, 2000),
      element: el,
      optional: f.type === 'checkbox' || !f.required,
      // choices update the summary as they change
      ...(CHOICES.has(f.type) ? { dispatch_action: true } : {}),
      ...(f.hint ? { hint: text(f.hint) } : {}),
    });
  }
  if (form.fields.some((f) => CHOICES.has(f.type))) {
    blocks.push(summaryBlock(blocks, initialValues(form), w));
  }
  const people = Object.fromEntries(form.fields.flatMap((f) => (f.search ? [[f.name, f.search]] : [])));
  const metadata: FormMetadata = {
    action: form.action,
    payload: form.payload,
    ...meta,
    ...(Object.keys(people).length ? { people } : {}),
    ...(w.locale !== english.locale ? { locale: w.locale } : {}),
  };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: text(form.title, 24),
    submit: text(form.submitLabel, 24),
    close: text(w.t('adapters.slack.modal.cancel'), 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
};

const CHOICES = new Set<FormField['type']>(['select', 'multiselect', 'people', 'checkbox']);

const initialValues = (form: Form) =>
  Object.fromEntries(
    form.fields.map((f) => [f.name, f.type === 'checkbox' ? f.initial === true : f.initial]),
  );

/** A list too long for the summary says how many and names the first ones. */
const SHOWN_NAMES = 20;
const listed = (v: string[], w: Words) =>
  v.length === 0
    ? '—'
    : v.length <= SHOWN_NAMES
      ? v.join(', ')
      : w.t('adapters.slack.modal.many_people', {
          count: String(v.length),
          names: v.slice(0, SHOWN_NAMES).join(', '),
          more: String(v.length - SHOWN_NAMES),
        });

const shown = (v: unknown, w: Words) =>
  v === true
    ? w.t('adapters.slack.modal.value_yes')
    : v === false
      ? w.t('adapters.slack.modal.value_no')
      : Array.isArray(v)
        ? listed(v.map(String), w)
        : v == null || v === ''
          ? '—'
          : String(v);

/** Lines kept whole: as many as fit in `max` characters, then `…`. */
const wholeLines = (lines: string[], max: number) => {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max - 2) return `${out}\n…`;
    out = next;
  }
  return out;
};

/**
 * "What you are about to submit": each field's label and its current value, from the view itself.
 * The label comes from the view's plain_text label (raw) and the values may be typed text: both
 * are escaped here, the bullets and bold are ours.
 */
export const summaryBlock = (
  blocks: { type: string; block_id?: string; label?: { text: string } }[],
  values: Record<string, unknown>,
  w: Words = english,
): KnownBlock => {
  const lines = blocks
    .filter((b) => b.type === 'input' && b.block_id)
    .map(
      (b) =>
        `• ${escapedWithin(b.label?.text ?? b.block_id!, 200)}: *${escapedWithin(shown(values[b.block_id!], w), 2000)}*`,
    );
  return {
    type: 'section',
    block_id: SUMMARY_BLOCK,
    text: { type: 'mrkdwn', text: wholeLines([`*${w.t('adapters.slack.modal.summary')}*`, ...lines], 3000) },
  };
};

type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
};

/** A submitted modal's state as the form values the command layer reads. */
export const formValues = (
  state: Record<string, Record<string, StateValue>>,
): Record<string, string | string[] | number | boolean | undefined> => {
  const out: Record<string, string | string[] | number | boolean | undefined> = {};
  for (const [field, actions] of Object.entries(state)) {
    const v = actions[VALUE];
    if (!v) continue;
    switch (v.type) {
      case 'checkboxes':
        out[field] = (v.selected_options ?? []).length > 0;
        break;
      case 'multi_static_select':
      case 'multi_external_select':
        out[field] = (v.selected_options ?? []).map((o) => o.value);
        break;
      case 'static_select':
        out[field] = v.selected_option?.value;
        break;
      case 'number_input':
        out[field] = v.value == null || v.value === '' ? undefined : Number(v.value);
        break;
      default:
        out[field] = v.value ?? undefined;
    }
  }
  return out;
};

/** Field errors for `response_action: 'errors'`, only for fields the modal shows. */
export const fieldErrorsFor = (form: { fields: string[] }, reply: Reply): Record<string, string> | null => {
  if (reply.tone !== 'error' || !reply.fieldErrors) return null;
  const errors = Object.fromEntries(
    Object.entries(reply.fieldErrors).filter(([k]) => form.fields.includes(k)),
  );
  return Object.keys(errors).length ? errors : null;
};

/** The words a modal was opened in (its metadata's language), for redrawing it. */
export const formWords = (m: { locale?: string | undefined } | null | undefined): Words =>
  isLocale(m?.locale) ? wordsFor(m.locale) : english;
