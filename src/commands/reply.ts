/**
 * The neutral reply every adapter renders (Block Kit, Adaptive Cards, terminal). It carries no
 * platform detail: a headline, optional fields and lists, buttons that name an action and its
 * payload, and forms. Buttons carry ids only; the service checks the clicker's rights again.
 */
import type { PeopleSource } from './people.ts';

export type ButtonStyle = 'primary' | 'danger';

export interface Confirm {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export interface Button {
  label: string;
  action: ActionId;
  payload: Record<string, string | number | boolean>;
  style?: ButtonStyle;
  /** destructive buttons ask first */
  confirm?: Confirm;
}

export type FieldType =
  | 'text'
  | 'email'
  | 'number'
  | 'select'
  | 'multiselect'
  | 'checkbox'
  | 'textarea'
  /** many people, found by a search the platform asks the core for (any number of members) */
  | 'people';

export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** for `people`: the picked ones (labelled) and a first page of suggestions */
  options?: { value: string; label: string }[];
  /** for `people`: the core search that answers the platform's picker */
  search?: PeopleSource;
  initial?: string | number | boolean | string[];
  hint?: string;
  min?: number;
  max?: number;
}

export interface Form {
  /** the action run with the submitted values */
  action: ActionId;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** ids the submission needs back (e.g. the organization) */
  payload: Record<string, string>;
}

/**
 * A file the reply hands over (a CSV export). Slack uploads it after the ack, Teams asks the
 * person's consent first, the shell writes it next to them. `source` is what makes it again (ids
 * and days, never rights): Teams remakes the file from it once consent comes, as that person.
 */
export interface ReplyFile {
  name: string;
  mimeType: string;
  content: string;
  source?: Record<string, string>;
}

export interface Reply {
  tone: 'ok' | 'info' | 'error';
  text: string;
  fields?: { label: string; value: string }[];
  /** a titled list, e.g. members or per-plan seats */
  sections?: { title: string; lines: string[] }[];
  buttons?: Button[];
  form?: Form;
  /** for errors: the stable code (adapters may show it, tests assert it) */
  code?: string;
  /** only the person who typed it sees it (Slack ephemeral) */
  private?: boolean;
  /** for a refused form: the message per field, shown next to it */
  fieldErrors?: Record<string, string>;
  /**
   * The subject this reply decided (`purchase:<id>`, …), set by the action that made the
   * decision and by nothing else: adapters update every posted copy of that subject then.
   */
  decided?: string;
  /** a file to hand over with the text; a platform that cannot carry it in this answer sends it after */
  file?: ReplyFile;
}

export type ActionId =
  | 'invitation.accept'
  | 'invitation.decline'
  | 'purchase.approve'
  | 'purchase.reject'
  | 'purchase.ask_give_back'
  | 'purchase.send'
  | 'purchase.form'
  | 'unassign.confirm'
  | 'offboard.submit'
  | 'org.delete.confirm'
  | 'org.cancel.confirm'
  | 'billing.submit'
  | 'personal.upgrade'
  | 'idle.keep'
  | 'idle.give_back'
  | 'list.page'
  | 'noop';

export const ok = (text: string, extra: Partial<Reply> = {}): Reply => ({ tone: 'ok', text, ...extra });
export const info = (text: string, extra: Partial<Reply> = {}): Reply => ({ tone: 'info', text, ...extra });
export const fail = (text: string, code = 'invalid_input', extra: Partial<Reply> = {}): Reply => ({
  tone: 'error',
  text,
  code,
  private: true,
  ...extra,
});

/** A reply that hands over a file (refusals never do). */
export const hasFile = (r: Reply): r is Reply & { file: ReplyFile } => Boolean(r.file) && r.tone !== 'error';
