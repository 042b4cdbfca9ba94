import { checkPermission } from '../../service/check-permission.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { info } from '../reply.ts';

/** Deleting asks for the organization's name typed back. */
export const orgDelete: Handler<'org delete'> = async (c) => {
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
        fields: [{ name: 'confirmName', label: `Type ${org.name} to confirm`, type: 'text', required: true }],
      },
      private: true,
    },
  );
};
