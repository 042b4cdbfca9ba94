import { type DomainError, isDomainError } from '../domain/errors.ts';
import { english, type Words } from '../i18n/words.ts';
import { InputRefusal } from '../service/support/input.ts';
import type { FormField } from './reply.ts';
import { fail, type Reply } from './reply.ts';

/** The fields of a submitted form, as the person saw them: a refusal names its field by label. */
export type FormFields = readonly Pick<FormField, 'name' | 'label'>[];

/**
 * A refusal as one line with its code and the next step; anything else as a safe apology. For a
 * form (`form` given) a refusal about one of its fields names that field by its label, in one
 * line with no `help` next step, and is keyed by the field's name so the platform shows it there.
 */
export const errorReply = (
  e: unknown,
  log?: (e: unknown) => void,
  form?: FormFields,
  w: Words = english,
): Reply => {
  if (isDomainError(e)) {
    // the refusal for a free or solo creator carries the way out as a button
    const upgrade = e.details?.action === 'upgrade_personal_plan';
    const extra: Partial<Reply> = upgrade
      ? {
          buttons: [
            {
              label: w.t('commands_core.errors.upgrade_button'),
              action: 'personal.upgrade',
              payload: {},
              style: 'primary',
            },
          ],
        }
      : {};
    if (form) return formRefusal(e, form, extra, w);
    const name = fieldName(e);
    return fail(e.lineIn(w), e.code, {
      ...extra,
      ...(name ? { fieldErrors: { [name]: e.messageIn(w) } } : {}),
    });
  }
  log?.(e);
  return fail(w.t('common.internal_error'), 'internal');
};

/** The top-level input field an error is about: `members` for `members.1`. */
const fieldName = (e: DomainError): string | undefined => {
  const field = e.details?.field;
  return typeof field === 'string' && field ? field.split('.')[0] : undefined;
};

const formRefusal = (e: DomainError, form: FormFields, extra: Partial<Reply>, w: Words): Reply => {
  const name = fieldName(e);
  const field = name === undefined ? undefined : form.find((f) => f.name === name);
  if (field) {
    // a value the parser refused reads as the field and the value; another refusal keeps its
    // own sentence and next step, after the field's label
    const line =
      e instanceof InputRefusal ? `${field.label}: ${e.problem}.` : `${field.label}: ${e.lineIn(w)}`;
    return fail(line, e.code, { ...extra, fieldErrors: { [field.name]: line } });
  }
  // not about a field the person filled in (an id the form carries): `help` means nothing here,
  // opening the form again does
  const line =
    e instanceof InputRefusal ? `${e.messageIn(w)} ${w.t('commands_core.errors.form_next')}` : e.lineIn(w);
  return fail(line, e.code, extra);
};
