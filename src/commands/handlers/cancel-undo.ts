import { undoCancel } from '../../service/undo-cancel.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const cancelUndo: Handler<'cancel undo'> = async (c) => {
  const organizationId = await organizationFor(c);
  await undoCancel(c.service, c.actor, { organizationId });
  return ok('The cancellation is undone: the subscription renews as before.');
};
