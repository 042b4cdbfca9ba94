import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { problem, problemIn } from '../../domain/input-problems.ts';
import { isoDay } from '../../domain/period.ts';
import { MAX_SEATS_PER_REQUEST } from '../../domain/quote.ts';
import { isOneLineName, isStorableText, NOT_ONE_LINE_NAME, UNSTORABLE_TEXT } from '../../domain/text.ts';
import { english, type Words } from '../../i18n/words.ts';

/** Any text a person gives that is stored or looked up. */
export const textField = z.string().refine(isStorableText, UNSTORABLE_TEXT);

/** A name shown in a line of chat: one line, no invisible control characters. */
export const nameField = textField.refine(isOneLineName, NOT_ONE_LINE_NAME);

/** A value as an error line shows it: quoted, cut short, with control characters escaped. */
export const shownValue = (v: unknown) => JSON.stringify(String(v).slice(0, 60));

export const emailField = textField
  .trim()
  .toLowerCase()
  .pipe(z.email(problem('errors_support.input.not_email')));

export const uuidField = z.uuid(problem('errors_support.input.not_id'));
export const planCodeField = textField
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, problem('errors_support.input.not_plan'));
/** A calendar day as people type it (2026-01-31), a real one (no February 30th). */
export const dayField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, problem('errors_support.input.not_day'))
  .refine((s) => isoDay(new Date(`${s}T00:00:00Z`)) === s, {
    message: problem('errors_support.input.not_day'),
  });

export const seatCountField = z
  .number()
  .int(problem('errors_support.input.not_whole'))
  .min(1, problem('errors_support.input.at_least', { min: 1 }))
  .max(MAX_SEATS_PER_REQUEST, problem('errors_support.input.at_most', { max: MAX_SEATS_PER_REQUEST }));

/**
 * A refused input value, as `parse` finds it: the line chat commands and the REST API show
 * (`Invalid input: <path> <value> <message>.`), and its parts, so a form can name the field by
 * its label instead (`Leavers: "3" is not a valid email address.`). The parts stay out of the
 * API's JSON (`details` is only `{ field }`). `message`, `line` and `problem` are English;
 * `lineIn`, `messageIn` and `problemIn` say it in the reader's language.
 */
export class InputRefusal extends DomainError {
  constructor(
    /** where in the input: `["members", 1]` */
    readonly path: readonly PropertyKey[],
    /** the value as shown (`"3"`), or undefined when there is none to show */
    readonly shown: string | undefined,
    /** the schema's message for what is wrong: `is not a valid email address` */
    readonly issue: string,
  ) {
    super(
      'invalid_input',
      refusedLine(english, path, shown, issue),
      { key: 'errors_support.input.invalid_next' },
      {
        field: path.map(String).join('.'),
      },
    );
  }

  /** the value and what is wrong with it, without the path: `"3" is not a valid email address` */
  get problem(): string {
    return this.problemIn(english);
  }

  problemIn(w: Words): string {
    return problemOf(w, this.shown, this.issue);
  }

  override messageIn(w: Words): string {
    return refusedLine(w, this.path, this.shown, this.issue);
  }
}

const problemOf = (w: Words, shown: string | undefined, issue: string): string =>
  shown === undefined
    ? problemIn(w, issue)
    : w.t('errors_support.input.value_problem', { value: shown, problem: problemIn(w, issue) });

const refusedLine = (w: Words, path: readonly PropertyKey[], shown: string | undefined, issue: string) => {
  const field = path.map(String).join('.');
  const wrong = problemOf(w, shown, issue);
  return field
    ? w.t('errors_support.input.invalid_field', { field, problem: wrong })
    : w.t('errors_support.input.invalid', { problem: wrong });
};

/** Parses use-case input; a failure becomes one `invalid_input` line naming the field. */
export const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const got = issue.path.join('.') ? valueAt(input, issue.path) : undefined;
  throw new InputRefusal(issue.path, got === undefined ? undefined : shownValue(got), issue.message);
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = input;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return typeof v === 'object' ? undefined : v;
};
