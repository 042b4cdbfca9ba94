import { listMembers } from '../../service/list-members.ts';
import { emailOf, organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import type { Form } from '../reply.ts';
import { info } from '../reply.ts';

/** The offboarding form: leavers (pre-filled with any names given) and the three options. */
export const offboardForm = async (
  c: Parameters<Handler<'offboard'>>[0],
  organizationId: string,
  preselected: string[],
): Promise<Form> => {
  const r = await listMembers(c.service, c.actor, { organizationId });
  const options = r.members
    .filter((m) => m.status === 'active' && m.role !== 'owner' && m.email !== c.actor.email.toLowerCase())
    .map((m) => ({ value: m.email, label: `${m.email} (${m.plan})` }));
  return {
    action: 'offboard.submit',
    title: 'Offboard leavers',
    submitLabel: 'Offboard',
    payload: { organizationId },
    fields: [
      {
        name: 'members',
        label: 'Leavers',
        type: 'multiselect',
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

export const offboard: Handler<'offboard'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const named: string[] = [];
  for (const w of cmd.who) named.push(await emailOf(c, w));
  return info(
    named.length
      ? `Offboard ${named.join(', ')}? Check the options and submit.`
      : 'Pick the leavers and what happens to their seats.',
    { form: await offboardForm(c, organizationId, named), private: true },
  );
};
