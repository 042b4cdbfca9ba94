import { undoCancel } from '../../service/undo-cancel.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface CancelUndoCommand {
  name: 'cancel undo';
}

export const cancelUndoSpec = defineCommand<CancelUndoCommand>({
  name: 'cancel undo',
  syntax: 'cancel undo',
  summary: 'commands_handlers.summary.cancel_undo',
  example: 'cancel undo',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    await undoCancel(c.service, c.actor, { organizationId });
    return ok('The cancellation is undone: the subscription renews as before.');
  },
});
