import type { MessageKey } from '../i18n/catalog.ts';
import { english, type MessageArgs, type Words } from '../i18n/words.ts';
import type { Said } from './errors.ts';

/**
 * What is wrong with a value a person typed (`is not a valid email address`), as a catalog
 * message. Schemas keep the English as their zod message (the REST API and logs read it); a
 * refusal finds the message again by that English to say it in the reader's language.
 */
const known = new Map<string, Said>();

/** The English of a problem, remembered so a refusal can say it in another language. */
export const problem = (key: MessageKey, args?: MessageArgs): string => {
  const text = english.t(key, args);
  known.set(text, args ? { key, args } : { key });
  return text;
};

/** A zod issue's message in the reader's language; one no catalog has stays as written. */
export const problemIn = (w: Words, message: string): string => {
  const said = known.get(message);
  return said ? w.t(said.key, said.args) : message;
};
