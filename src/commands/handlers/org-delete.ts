import { checkPermission } from '../../service/check-permission.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface OrgDeleteCommand {
  name: 'org delete';
}

/** Deleting asks for the organization's name typed back. */
export const orgDeleteSpec = defineCommand<OrgDeleteCommand>({
  name: 'org delete',
  syntax: 'org delete',
  summary: 'commands_handlers.summary.org_delete',
  example: 'org delete',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    const org = await checkPermission(c.service, c.actor, 'delete_org', { organizationId });
    const w = wordsOf(c);
    const organization = org.name;
    return info(w.t('commands_handlers.org_delete.question', { organization }), {
      form: {
        action: 'org.delete.confirm',
        title: w.t('commands_handlers.org_delete.form_title', { organization }),
        submitLabel: w.t('commands_handlers.org_delete.form_submit'),
        payload: { organizationId },
        fields: [
          {
            name: 'confirmName',
            label: w.t('commands_handlers.org_delete.confirm_name', { organization }),
            type: 'text',
            required: true,
          },
        ],
      },
      private: true,
    });
  },
});
