import { refuse } from '../args.ts';
import { type CommandContext, emailOf, organizationFor } from '../context.ts';
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
  const r = await searchPeople(c, 'offboard.leavers', { picked: preselected, limit: 20 });
  const picked = new Set(preselected);
  const options = [...r.picked, ...r.options.filter((o) => !picked.has(o.value))];
  return {
    action: 'offboard.submit',
    title: 'Offboard leavers',
    submitLabel: 'Offboard',
    payload: { organizationId },
    fields: [
      {
        name: 'members',
        label: 'Leavers',
        type: 'people',
        search: 'offboard.leavers',
        required: true,
        options,
        initial: preselected,
      },
      { name: 'freeSeat', label: 'Free their seat for someone else', type: 'checkbox', initial: true },
      {
        name: 'stopAutoRenew',
        label: 'Stop auto-renew of their seat (usable until the period ends, then not billed)',
        type: 'checkbox',
        initial: false,
      },
      { name: 'markFormer', label: 'Mark as former (hidden from lists)', type: 'checkbox', initial: false },
    ],
  };
};

export const offboardSpec = defineCommand<OffboardCommand>({
  name: 'offboard',
  syntax: 'offboard [<who>...]',
  summary: 'Offboard leavers; with no names it opens the offboarding form.',
  example: 'offboard ana@example.com',
  parse: (a, usage) => ({
    who: a.map((t) => whoFrom(t) ?? refuse(`"${tokenText(t)}" is not a mention or an email: \`${usage}\`.`)),
  }),
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const named: string[] = [];
    for (const w of cmd.who) named.push(await emailOf(c, w));
    return info(
      named.length
        ? `Offboard ${named.join(', ')}? Check the options and submit.`
        : 'Pick the leavers and what happens to their seats.',
      { form: await offboardForm(c, organizationId, named), private: true },
    );
  },
});
