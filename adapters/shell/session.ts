import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import { parseNotice, renderNotice } from '../../src/commands/notices.ts';
import type { Button, Form, FormField, Reply } from '../../src/commands/reply.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { renderFieldPrompt, renderReply } from './render.ts';

type Value = string | string[] | number | boolean | undefined;

/**
 * One terminal conversation with the bot, as the Hubot shell does it: `as <email>` switches
 * who is typing, buttons are numbered and `click N` presses one (after a yes for destructive
 * ones), forms are filled field by field, and each person's direct messages (the outbox) are
 * shown when it is their turn. Lines in, lines out; the REPL and the tests drive it alike.
 */
export class ShellSession {
  private buttons: Button[] = [];
  private form: { form: Form; index: number; values: Record<string, Value> } | null = null;
  private confirming: Button | null = null;

  constructor(
    private readonly service: ServiceContext,
    public actor: string,
    private readonly log: (e: unknown) => void = () => {},
  ) {}

  get prompt() {
    if (this.form) return '';
    return `${this.actor}> `;
  }

  private context(): CommandContext {
    return { service: this.service, actor: { email: this.actor } };
  }

  /** Handles one typed line; returns what to print. */
  async handle(raw: string): Promise<string[]> {
    const line = raw.trim();
    if (this.form) return this.fillField(line);
    if (this.confirming) return this.answerConfirm(line);
    if (!line || line.startsWith('#')) return [];
    const as = /^as\s+(\S+)$/i.exec(line);
    if (as) {
      this.actor = as[1]!.toLowerCase();
      this.buttons = [];
      return [`(now typing as ${this.actor})`, ...(await this.inbox())];
    }
    if (/^inbox$/i.test(line)) {
      const out = await this.inbox();
      return out.length ? out : ['(no new messages)'];
    }
    const click = /^click\s+(\d+)$/i.exec(line);
    if (click) return this.click(Number(click[1]));
    return this.show(await runCommand(this.context(), line, this.log));
  }

  private async show(reply: Reply, offset = 0): Promise<string[]> {
    if (offset === 0) this.buttons = [];
    const lines = renderReply(reply, this.buttons.length + 1);
    this.buttons.push(...(reply.buttons ?? []));
    if (reply.form && reply.tone !== 'error') {
      this.form = { form: reply.form, index: 0, values: {} };
      lines.push(...renderFieldPrompt(reply.form, 0));
      return lines;
    }
    return [...lines, ...(await this.inbox())];
  }

  /** The current person's undelivered direct messages, delivered here and marked sent. */
  async inbox(): Promise<string[]> {
    const em = this.service.em.fork();
    const rows = await em.execute<{ id: string; kind: string; payload: Record<string, unknown> }[]>(
      `update outbox o set status = 'sent', sent_at = now(), attempts = attempts + 1
       from account a
       where a.id = o.recipient_id and a.email = ? and o.status = 'pending'
       returning o.id, o.kind, o.payload, o.created_at`,
      [this.actor],
    );
    const out: string[] = [];
    for (const r of rows) {
      const reply = renderNotice(
        parseNotice(r.kind, typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload),
      );
      out.push(`  ✉ message for ${this.actor}:`);
      out.push(...renderReply(reply, this.buttons.length + 1).map((l) => `    ${l}`));
      this.buttons.push(...(reply.buttons ?? []));
    }
    return out;
  }

  private async click(n: number): Promise<string[]> {
    const b = this.buttons[n - 1];
    if (!b) return [`✗ [invalid_input] There is no button ${n}. Run the command again to see its buttons.`];
    if (b.confirm) {
      this.confirming = b;
      return [`  ${b.confirm.title} ${b.confirm.text}`, `  ${b.confirm.confirm}? y/n > `];
    }
    return this.press(b, {});
  }

  private async answerConfirm(line: string): Promise<string[]> {
    const b = this.confirming!;
    this.confirming = null;
    if (!/^y(es)?$/i.test(line)) return [`  ${b.confirm?.deny ?? 'Cancelled'}: nothing changed.`];
    return this.press(b, {});
  }

  private async press(b: Button, values: Record<string, Value>): Promise<string[]> {
    const reply = await runAction(this.context(), b.action, { payload: b.payload, values }, this.log);
    return this.show(reply);
  }

  private async fillField(line: string): Promise<string[]> {
    const state = this.form!;
    const field = state.form.fields[state.index]!;
    const parsed = readField(field, line);
    if ('error' in parsed) return [`  ✗ ${parsed.error}`, ...renderFieldPrompt(state.form, state.index)];
    state.values[field.name] = parsed.value;
    state.index++;
    if (state.index < state.form.fields.length) return renderFieldPrompt(state.form, state.index);
    this.form = null;
    const reply = await runAction(
      this.context(),
      state.form.action,
      { payload: state.form.payload, values: state.values },
      this.log,
    );
    return this.show(reply);
  }
}

/** A typed answer to one form field; Enter keeps the initial value. */
export const readField = (f: FormField, line: string): { value: Value } | { error: string } => {
  const empty = line === '';
  if (f.type === 'checkbox') {
    if (empty) return { value: Boolean(f.initial) };
    if (/^(y|yes|true|on|1)$/i.test(line)) return { value: true };
    if (/^(n|no|false|off|0)$/i.test(line)) return { value: false };
    return { error: 'Answer y or n.' };
  }
  const pick = (token: string) => {
    const i = Number(token);
    if (Number.isInteger(i) && f.options?.[i - 1]) return f.options[i - 1]!.value;
    return f.options?.find((o) => o.value.toLowerCase() === token.toLowerCase())?.value ?? null;
  };
  if (f.type === 'multiselect' || f.type === 'people') {
    const tokens = empty ? (Array.isArray(f.initial) ? f.initial : []) : line.split(/[\s,]+/).filter(Boolean);
    const values = tokens.map((t) => pick(t) ?? t);
    if (f.required && values.length === 0) return { error: 'Pick at least one.' };
    return { value: values };
  }
  if (f.type === 'select') {
    const v = empty ? (typeof f.initial === 'string' ? f.initial : null) : pick(line);
    if (!v) return { error: 'Pick one of the numbers shown.' };
    return { value: v };
  }
  const v = empty ? (f.initial === undefined ? '' : String(f.initial)) : line;
  if (f.required && v === '') return { error: `${f.label} is required.` };
  if (f.type === 'number') {
    const n = Number(v);
    if (!Number.isInteger(n)) return { error: 'Enter a whole number.' };
    return { value: n };
  }
  return { value: v };
};
