import { checkPermission } from '../../service/check-permission.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
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
    return info(
      `Delete ${org.name}? Every member returns to their own plan and its seats end. This cannot be undone.`,
      {
        form: {
          action: 'org.delete.confirm',
          title: `Delete ${org.name}`,
          submitLabel: 'Delete organization',
          payload: { organizationId },
          fields: [
            { name: 'confirmName', label: `Type ${org.name} to confirm`, type: 'text', required: true },
          ],
        },
        private: true,
      },
    );
  },
});
