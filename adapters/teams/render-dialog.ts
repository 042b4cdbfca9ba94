import type { Form, FormField } from '../../src/commands/reply.ts';
import { english, type Words } from '../../src/i18n/words.ts';
import { markdown } from './markdown.ts';
import type { Card } from './render-card.ts';

/** A people picker's dataset names the core search behind it: `people:<source>`. */
export const PEOPLE_DATASET = 'people:';

type Value = string | string[] | number | boolean | undefined;

const asString = (v: Value): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v.join(',') : String(v);

/** Sent values added as choices at most: a refused wave of leavers keeps the card within 28 KB. */
const ADDED_CHOICES = 50;

/**
 * A choice set's choices, with the values the person sent that are not among them added as
 * themselves: a refused dialog comes back showing what was picked or typed, not a silently cut
 * value. (Every sent value stays in the input's value.)
 */
const choicesOf = (f: FormField, v: Value) => {
  const choices = (f.options ?? []).map((o) => ({ title: o.label, value: o.value }));
  const known = new Set(choices.map((c) => c.value));
  const sent = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [];
  const missing = [...new Set(sent.map((x) => x.trim()).filter((x) => x && !known.has(x)))];
  for (const s of missing.slice(0, ADDED_CHOICES)) choices.push({ title: s, value: s });
  return choices;
};

const input = (f: FormField, value: Value, w: Words, error?: string): Record<string, unknown>[] => {
  const common = {
    id: f.name,
    label: f.label,
    isRequired: f.required ?? false,
    ...(f.required ? { errorMessage: w.t('adapters.common.field_required', { label: f.label }) } : {}),
  };
  const v = value ?? f.initial;
  let el: Record<string, unknown>;
  switch (f.type) {
    case 'checkbox':
      el = {
        type: 'Input.Toggle',
        ...common,
        title: f.label,
        valueOn: 'true',
        valueOff: 'false',
        value: String(v === true || v === 'true'),
      };
      break;
    case 'select':
    case 'multiselect':
      el = {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: f.type === 'multiselect',
        style: f.type === 'multiselect' ? 'expanded' : 'compact',
        choices: choicesOf(f, v),
        ...(asString(v) ? { value: asString(v) } : {}),
      };
      break;
    case 'people':
      // typeahead: the first suggestions and every pre-filled person are static choices; the
      // rest are found by Teams asking us (application/search invoke on this dataset)
      el = {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: true,
        style: 'filtered',
        placeholder: w.t('adapters.common.people_placeholder'),
        choices: choicesOf(f, v),
        ...(f.search
          ? { 'choices.data': { type: 'Data.Query', dataset: `${PEOPLE_DATASET}${f.search}` } }
          : {}),
        ...(asString(v) ? { value: asString(v) } : {}),
      };
      break;
    case 'number':
      el = {
        type: 'Input.Number',
        ...common,
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
        ...(v !== undefined && v !== '' && Number.isFinite(Number(v)) ? { value: Number(v) } : {}),
      };
      break;
    default:
      el = {
        type: 'Input.Text',
        ...common,
        ...(f.type === 'email' ? { style: 'Email' } : {}),
        ...(f.type === 'textarea' ? { isMultiline: true } : {}),
        ...(asString(v) ? { value: asString(v) } : {}),
      };
  }
  const out = [el];
  if (f.hint)
    out.push({ type: 'TextBlock', text: markdown(f.hint), isSubtle: true, wrap: true, spacing: 'none' });
  if (error)
    out.push({ type: 'TextBlock', text: markdown(error), color: 'attention', wrap: true, spacing: 'none' });
  return out;
};

/**
 * A form as the card of a Teams dialog (task module). A refused submission comes back as the
 * same dialog with what was typed kept and each field's error under it; the refusal heads the
 * card only when no field shows it already.
 */
export const renderDialog = (
  form: Form,
  command: string,
  opts: {
    values?: Record<string, Value>;
    errors?: Record<string, string>;
    error?: string;
    /** the reader's words for the dialog's own text; unset: English */
    w?: Words;
  } = {},
): Card => {
  const underFields = form.fields.flatMap((f) => (opts.errors?.[f.name] ? [opts.errors[f.name]] : []));
  const headline = opts.error && !underFields.includes(opts.error) ? opts.error : undefined;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      ...(headline
        ? [{ type: 'TextBlock', text: `✗ ${markdown(headline)}`, color: 'attention', wrap: true }]
        : []),
      ...form.fields.flatMap((f) =>
        input(f, opts.values?.[f.name], opts.w ?? english, opts.errors?.[f.name]),
      ),
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: form.submitLabel,
        data: { verb: 'submit', command, action: form.action, payload: form.payload },
      },
    ],
  };
};

/** A form as the task/fetch or task/submit answer that opens (or keeps open) its dialog. */
export const dialogTask = (form: Form, command: string, opts: Parameters<typeof renderDialog>[2] = {}) => ({
  title: form.title,
  width: 'medium' as const,
  height: 'medium' as const,
  card: {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: renderDialog(form, command, opts),
  },
});
