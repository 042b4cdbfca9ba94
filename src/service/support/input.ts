import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { MAX_SEATS_PER_REQUEST } from '../../domain/quote.ts';
import { isOneLineName, isStorableText, NOT_ONE_LINE_NAME, UNSTORABLE_TEXT } from '../../domain/text.ts';

/** Any text a person gives that is stored or looked up. */
export const textField = z.string().refine(isStorableText, UNSTORABLE_TEXT);

/** A name shown in a line of chat: one line, no invisible control characters. */
export const nameField = textField.refine(isOneLineName, NOT_ONE_LINE_NAME);

/** A value as an error line shows it: quoted, cut short, with control characters escaped. */
export const shownValue = (v: unknown) => JSON.stringify(String(v).slice(0, 60));

export const emailField = textField.trim().toLowerCase().pipe(z.email('is not a valid email address'));

export const uuidField = z.uuid('is not a valid id');
export const planCodeField = textField
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'is not a plan name');
export const seatCountField = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_SEATS_PER_REQUEST, `must be at most ${MAX_SEATS_PER_REQUEST.toLocaleString('en-US')}`);

/**
 * A refused input value, as `parse` finds it: the line chat commands and the REST API show
 * (`Invalid input: <path> <value> <message>.`), and its parts, so a form can name the field by
 * its label instead (`Leavers: "3" is not a valid email address.`). The parts stay out of the
 * API's JSON (`details` is only `{ field }`).
 */
export class InputRefusal extends DomainError {
  constructor(
    message: string,
    next: string,
    /** where in the input: `["members", 1]` */
    readonly path: readonly PropertyKey[],
    /** the value and what is wrong with it, without the path: `"3" is not a valid email address` */
    readonly problem: string,
  ) {
    super('invalid_input', message, next, { field: path.map(String).join('.') });
  }
}

/** Parses use-case input; a failure becomes one `invalid_input` line naming the field. */
export const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.');
  const got = field ? valueAt(input, issue.path) : undefined;
  const problem = `${got === undefined ? '' : `${shownValue(got)} `}${issue.message}`;
  throw new InputRefusal(
    `Invalid input: ${field ? `${field} ` : ''}${problem}.`,
    'Check it and try again; `help` shows the syntax.',
    issue.path,
    problem,
  );
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = input;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return typeof v === 'object' ? undefined : v;
};
