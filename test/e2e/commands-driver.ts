import { seedDemo } from '../../db/seeders/demo.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { Notifier } from '../../src/commands/notifier.ts';
import type { Button, Form, Reply } from '../../src/commands/reply.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb } from '../support/db.ts';
import type { ChatDriver, Shown } from './chat-driver.ts';

/** A reply as plain text: headline, fields, sections. */
export const plainText = (r: Reply) =>
  [
    r.text,
    ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`),
    ...(r.sections ?? []).flatMap((s) => [s.title, ...s.lines]),
  ].join('\n');

const shown = (r: Reply): Shown => ({
  text: plainText(r),
  buttons: (r.buttons ?? []).map((b) => b.label),
  ...(r.form && r.tone !== 'error' ? { form: r.form.fields.map((f) => f.name) } : {}),
});

/**
 * The scenario driven straight through the command layer (no platform): the reference the
 * Slack and Teams drivers are held to, and proof the scenario itself is right.
 */
export const commandsDriver = async (): Promise<ChatDriver> => {
  const db = await freshDb();
  await seedDemo(db.ctx);
  const seen = new Map<string, { reply: Reply; dm: boolean }[]>();
  const forms = new Map<string, Form>();
  const record = (email: string, reply: Reply, dm: boolean) => {
    seen.set(email, [...(seen.get(email) ?? []), { reply, dm }]);
    if (reply.form && reply.tone !== 'error') forms.set(email, reply.form);
    return shown(reply);
  };
  const notifier: Notifier = {
    name: 'recording',
    async send(to, reply) {
      record(to.email, reply, true);
    },
  };
  const context = (email: string) => {
    // people take a moment between actions: notices of different actions get distinct times
    db.clock.advance(1000);
    return { service: db.ctx, actor: { email } };
  };
  return {
    platform: 'commands',
    async command(email, text) {
      return record(email, await runCommand(context(email), text), false);
    },
    async deliver() {
      // one row per claim, oldest first: a batch's rows come back from UPDATE … RETURNING in no set order
      while ((await deliverOutbox(db.ctx, notifier, { batch: 1 })).claimed > 0);
    },
    async inbox(email) {
      return (seen.get(email) ?? []).filter((m) => m.dm).map((m) => shown(m.reply));
    },
    async click(email, label) {
      const button = (seen.get(email) ?? [])
        .flatMap((m) => m.reply.buttons ?? [])
        .findLast((b: Button) => b.label === label);
      if (!button) throw new Error(`${email} has no button labelled ${label}`);
      return record(
        email,
        await runAction(context(email), button.action, { payload: button.payload }),
        false,
      );
    },
    async submit(email, values) {
      const form = forms.get(email);
      if (!form) throw new Error(`${email} has no open form`);
      forms.delete(email);
      return record(
        email,
        await runAction(context(email), form.action, { payload: form.payload, values }),
        false,
      );
    },
    async close() {
      await db.close();
    },
  };
};
