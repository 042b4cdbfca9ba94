import { checkPermission } from '../../service/check-permission.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { info } from '../reply.ts';

export const cancel: Handler<'cancel'> = async (c) => {
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
};
