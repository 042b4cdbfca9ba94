import { checkPermission } from '../../service/check-permission.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface CancelCommand {
  name: 'cancel';
}

export const cancelSpec = defineCommand<CancelCommand>({
  name: 'cancel',
  syntax: 'cancel',
  summary: 'commands_handlers.summary.cancel',
  example: 'cancel',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    await checkPermission(c.service, c.actor, 'billing', { organizationId });
    return info(
      'Cancel your subscription? Everyone keeps access until the paid-through date, then members return to their own plans. You can undo it until then with `cancel undo`.',
      {
        buttons: [
          {
            label: 'Cancel subscription',
            action: 'org.cancel.confirm',
            payload: { organizationId },
            style: 'danger',
            confirm: {
              title: 'Cancel the subscription?',
              text: 'Access stays until the paid-through date.',
              confirm: 'Cancel it',
              deny: 'Keep it',
            },
          },
        ],
        private: true,
      },
    );
  },
});
