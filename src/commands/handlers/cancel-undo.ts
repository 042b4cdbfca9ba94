import { undoCancel } from '../../service/undo-cancel.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
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
    return ok(wordsOf(c).t('commands_handlers.cancel_undo.done'));
  },
});
