import { checkPermission } from '../../service/check-permission.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
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
    const w = wordsOf(c);
    return info(w.t('commands_handlers.cancel.question'), {
      buttons: [
        {
          label: w.t('commands_handlers.cancel.button'),
          action: 'org.cancel.confirm',
          payload: { organizationId },
          style: 'danger',
          confirm: {
            title: w.t('commands_handlers.cancel.confirm_title'),
            text: w.t('commands_handlers.cancel.confirm_text'),
            confirm: w.t('commands_handlers.cancel.confirm'),
            deny: w.t('commands_handlers.cancel.deny'),
          },
        },
      ],
      private: true,
    });
  },
});
