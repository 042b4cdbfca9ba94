import { type CommandContext, wordsOf } from '../../src/commands/context.ts';
import { runAction, runCommand, submitForm } from '../../src/commands/dispatch.ts';
import { renderNotice } from '../../src/commands/notices.ts';
import {
  type Button,
  type Form,
  type FormField,
  hasFile,
  type Reply,
  type ReplyFile,
} from '../../src/commands/reply.ts';
import { english, type Words } from '../../src/i18n/words.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { deliverDirectMessages } from '../../src/service/deliver-direct-messages.ts';
import { readerLocale } from '../../src/service/reader-locale.ts';
import { type OpenMessage, OpenMessages } from './open-messages.ts';
import { renderFieldPrompt, renderReply } from './render.ts';
import { saveFile } from './save-file.ts';

type Value = string | string[] | number | boolean | undefined;

/** A form being filled: the fields still to ask (their indexes), and what was typed so far. */
interface Filling {
  form: Form;
  ask: number[];
  values: Record<string, Value>;
}

/**
 * One terminal conversation with the bot, as the Hubot shell does it: `as <email>` switches
 * who is typing, buttons are numbered and `click N` presses one (after a yes for destructive
 * ones), forms are filled field by field, and each person's direct messages (the outbox) are
 * shown when it is their turn. Button numbers are the session's: a button keeps its number
 * until its message is decided or replaced, and no number is used twice. A reply's file (an
 * export) is written into the current directory, next to the person. Lines in, lines out;
 * the REPL and the tests drive it alike.
 */
export class ShellSession {
  private readonly open = new OpenMessages();
  private form: Filling | null = null;
  private confirming: { button: Button; message: OpenMessage } | null = null;
  /** the typist's words, as of their last command (a form or a y/n keeps the language it began in) */
  private w: Words = english;

  constructor(
    private readonly service: ServiceContext,
    public actor: string,
    private readonly log: (e: unknown) => void = () => {},
    /** where a reply's file (an export) is written: the current directory */
    private readonly fileDir: string = process.cwd(),
  ) {}

  get prompt() {
    if (this.form) return '';
    return `${this.actor}> `;
  }

  private async context(): Promise<CommandContext> {
    // the terminal's own zone and language: times read as the person at it lives them
    return {
      service: this.service,
      actor: { email: this.actor },
      timeZone: async () => Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: await readerLocale(this.service, { email: this.actor }, null, terminalLocale()),
    };
  }

  /** Handles one typed line; returns what to print. */
  async handle(raw: string): Promise<string[]> {
    const line = raw.trim();
    if (this.form) return this.fillField(line);
    if (this.confirming) return this.answerConfirm(line);
    if (!line || line.startsWith('#')) return [];
    const as = /^as\s+(\S+)$/i.exec(line);
    if (as) this.actor = as[1]!.toLowerCase();
    this.w = wordsOf(await this.context());
    if (as) return [this.w.t('adapters.shell.now_typing', { email: this.actor }), ...(await this.inbox())];
    if (/^inbox$/i.test(line)) return this.showInbox();
    const click = /^click\s+(\d+)$/i.exec(line);
    if (click) return this.click(Number(click[1]));
    return this.show(await runCommand(await this.context(), line, this.log));
  }

  /** A reply printed, its buttons numbered and kept open; then the person's new messages. */
  private async show(reply: Reply, replacing?: OpenMessage): Promise<string[]> {
    if (replacing) this.open.close(replacing);
    if (reply.decided) this.open.closeSubject(reply.decided);
    const lines = this.render(reply, 'reply');
    if (hasFile(reply)) lines.push(`  ${await this.save(reply.file)}`);
    if (reply.form && reply.tone !== 'error') {
      this.form = { form: reply.form, ask: reply.form.fields.map((_, i) => i), values: {} };
      return [...lines, ...this.promptField()];
    }
    return [...lines, ...(await this.inbox())];
  }

  /** Writes a reply's file next to the person; the line that says where, or why not. */
  private async save(file: ReplyFile): Promise<string> {
    try {
      return this.w.t('exports.audit.saved', { path: await saveFile(this.fileDir, file) });
    } catch (e) {
      this.log(e);
      const error = (e as NodeJS.ErrnoException).code ?? String(e);
      return `✗ ${this.w.t('exports.audit.save_failed', { dir: this.fileDir, error })}`;
    }
  }

  private render(reply: Reply, kind: OpenMessage['kind']): string[] {
    const m = reply.buttons?.length ? this.open.add(this.actor, kind, reply) : undefined;
    return renderReply(reply, m?.first ?? 1, this.w);
  }

  /** The current person's undelivered direct messages, delivered here and marked sent. */
  async inbox(): Promise<string[]> {
    const messages = await deliverDirectMessages(this.service, { email: this.actor });
    return messages.flatMap((m) => this.letter(this.render(renderNotice(m.notice, this.w), 'message')));
  }

  /** `inbox`: the messages still waiting for an answer (same numbers), then the new ones. */
  private async showInbox(): Promise<string[]> {
    const waiting = this.open
      .of(this.actor)
      .filter((m) => m.kind === 'message')
      .flatMap((m) => this.letter(renderReply(m.reply, m.first, this.w)));
    const fresh = await this.inbox();
    if (!waiting.length && !fresh.length) return [this.w.t('adapters.shell.inbox.empty')];
    return [
      ...(waiting.length ? [`  ${this.w.t('adapters.shell.inbox.waiting')}`, ...waiting] : []),
      ...fresh,
    ];
  }

  private letter(lines: string[]): string[] {
    return [
      `  ${this.w.t('adapters.shell.inbox.letter', { email: this.actor })}`,
      ...lines.map((l) => `    ${l}`),
    ];
  }

  private async click(n: number): Promise<string[]> {
    const found = this.open.button(this.actor, n);
    if (!found) return [this.noButton(n)];
    if (found.button.confirm) {
      this.confirming = found;
      return [
        `  ${found.button.confirm.title} ${found.button.confirm.text}`,
        `  ${found.button.confirm.confirm}? y/n > `,
      ];
    }
    return this.press(found.button, found.message);
  }

  /** Which buttons there are now, and how to see them again. */
  private noButton(n: number): string {
    const numbers = this.open.numbers(this.actor);
    const now = numbers.length
      ? this.w.t('adapters.shell.buttons.open', { numbers: numbers.join(', ') })
      : this.w.t('adapters.shell.buttons.none', { email: this.actor });
    return `✗ [invalid_input] ${this.w.t('adapters.shell.buttons.missing', { n: String(n), email: this.actor, now })}`;
  }

  private async answerConfirm(line: string): Promise<string[]> {
    const { button, message } = this.confirming!;
    this.confirming = null;
    if (!/^y(es)?$/i.test(line)) {
      const deny = button.confirm?.deny ?? this.w.t('adapters.shell.confirm.cancelled');
      return [`  ${this.w.t('adapters.shell.confirm.nothing_changed', { deny })}`];
    }
    return this.press(button, message);
  }

  /** A press answered (not refused) replaces its message: the old buttons go, the reply's come. */
  private async press(b: Button, message: OpenMessage): Promise<string[]> {
    const reply = await runAction(
      await this.context(),
      b.action,
      { payload: b.payload, values: {} },
      this.log,
    );
    // a refusal (not yours, a payment to fix first) leaves the buttons to press again
    return this.show(reply, reply.tone !== 'error' ? message : undefined);
  }

  private promptField(): string[] {
    const state = this.form!;
    return renderFieldPrompt(state.form, state.ask[0]!, this.w);
  }

  private async fillField(line: string): Promise<string[]> {
    const state = this.form!;
    const index = state.ask[0]!;
    const field = state.form.fields[index]!;
    const parsed = readField(field, line, this.w);
    if ('error' in parsed) return [`  ✗ ${parsed.error}`, ...this.promptField()];
    state.values[field.name] = parsed.value;
    state.ask.shift();
    if (state.ask.length) return this.promptField();
    this.form = null;
    const reply = await submitForm(
      await this.context(),
      {
        action: state.form.action,
        payload: state.form.payload,
        values: state.values,
        fields: state.form.fields,
      },
      this.log,
    );
    return this.refusedField(state, reply) ?? this.show(reply);
  }

  /**
   * A refusal about one of the form's fields keeps the form: the error, then that field asked
   * again with what was typed as its default; the other answers are kept and Enter resubmits.
   */
  private refusedField(state: Filling, reply: Reply): string[] | null {
    if (reply.tone !== 'error') return null;
    const index = state.form.fields.findIndex((f) => reply.fieldErrors?.[f.name] !== undefined);
    if (index < 0) return null;
    const typed = state.values[state.form.fields[index]!.name];
    const fields = state.form.fields.map((f, i) => (i === index ? withInitial(f, typed) : f));
    this.form = { form: { ...state.form, fields }, ask: [index], values: state.values };
    return [...this.render(reply, 'reply'), ...this.promptField()];
  }
}

const withInitial = (f: FormField, typed: Value): FormField =>
  typed === undefined ? f : { ...f, initial: typed };

/** A typed answer to one form field; Enter keeps the initial value. */
export const readField = (
  f: FormField,
  line: string,
  w: Words = english,
): { value: Value } | { error: string } => {
  const empty = line === '';
  if (f.type === 'checkbox') {
    if (empty) return { value: Boolean(f.initial) };
    if (/^(y|yes|true|on|1)$/i.test(line)) return { value: true };
    if (/^(n|no|false|off|0)$/i.test(line)) return { value: false };
    return { error: w.t('adapters.shell.field.answer_yes_no') };
  }
  const pick = (token: string) => {
    const i = Number(token);
    if (Number.isInteger(i) && f.options?.[i - 1]) return f.options[i - 1]!.value;
    return f.options?.find((o) => o.value.toLowerCase() === token.toLowerCase())?.value ?? null;
  };
  if (f.type === 'multiselect' || f.type === 'people') {
    const tokens = empty ? (Array.isArray(f.initial) ? f.initial : []) : line.split(/[\s,]+/).filter(Boolean);
    const values = tokens.map((t) => pick(t) ?? t);
    if (f.required && values.length === 0) return { error: w.t('adapters.shell.field.pick_at_least_one') };
    return { value: values };
  }
  if (f.type === 'select') {
    const v = empty ? (typeof f.initial === 'string' ? f.initial : null) : pick(line);
    if (!v) return { error: w.t('adapters.shell.field.pick_shown') };
    return { value: v };
  }
  const v = empty ? (f.initial === undefined ? '' : String(f.initial)) : line;
  if (f.required && v === '') return { error: w.t('adapters.common.field_required', { label: f.label }) };
  if (f.type === 'number') {
    const n = Number(v);
    if (!Number.isInteger(n)) return { error: w.t('adapters.shell.field.whole_number') };
    return { value: n };
  }
  return { value: v };
};

/** The terminal's language (LC_ALL, LC_MESSAGES, LANG: `fr_FR.UTF-8`), when it names one. */
const terminalLocale = () => process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
