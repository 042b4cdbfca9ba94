import { refuse } from '../args.ts';
import { type CommandContext, emailOf, organizationFor, wordsOf } from '../context.ts';
import { searchPeople } from '../people.ts';
import type { Form } from '../reply.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';
import { type Who, whoFrom } from '../who.ts';

export interface OffboardCommand {
  name: 'offboard';
  who: Who[];
}

/**
 * The offboarding form: a people picker of leavers, searched in the core so any member of any
 * size of organization can be picked, pre-filled with every name given (all of them, so the
 * summary is what will be submitted), and the three options.
 */
export const offboardForm = async (
  c: CommandContext,
  organizationId: string,
  preselected: string[],
): Promise<Form> => {
  const w = wordsOf(c);
  const r = await searchPeople(c, 'offboard.leavers', { picked: preselected, limit: 20 });
  const picked = new Set(preselected);
  const options = [...r.picked, ...r.options.filter((o) => !picked.has(o.value))];
  return {
    action: 'offboard.submit',
    title: w.t('commands_handlers.offboard.form_title'),
    submitLabel: w.t('commands_handlers.offboard.form_submit'),
    payload: { organizationId },
    fields: [
      {
        name: 'members',
        label: w.t('commands_handlers.offboard.leavers'),
        type: 'people',
        search: 'offboard.leavers',
        required: true,
        options,
        initial: preselected,
      },
      {
        name: 'freeSeat',
        label: w.t('commands_handlers.offboard.free_seat'),
        type: 'checkbox',
        initial: true,
      },
      {
        name: 'stopAutoRenew',
        label: w.t('commands_handlers.offboard.stop_auto_renew'),
        type: 'checkbox',
        initial: false,
      },
      {
        name: 'markFormer',
        label: w.t('commands_handlers.offboard.mark_former'),
        type: 'checkbox',
        initial: false,
      },
    ],
  };
};

export const offboardSpec = defineCommand<OffboardCommand>({
  name: 'offboard',
  syntax: 'offboard [<who>...]',
  summary: 'commands_handlers.summary.offboard',
  example: 'offboard ana@example.com',
  parse: (a, usage) => ({
    who: a.map(
      (t) =>
        whoFrom(t) ??
        refuse({ key: 'commands_handlers.offboard.not_who', args: { typed: tokenText(t), usage } }),
    ),
  }),
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const named: string[] = [];
    for (const w of cmd.who) named.push(await emailOf(c, w));
    const w = wordsOf(c);
    return info(
      named.length
        ? w.t('commands_handlers.offboard.named', { names: named.join(', ') })
        : w.t('commands_handlers.offboard.pick'),
      { form: await offboardForm(c, organizationId, named), private: true },
    );
  },
});
