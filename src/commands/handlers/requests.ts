import { describeStatus } from '../../domain/quote.ts';
import { listRequests } from '../../service/list-requests.ts';
import { organizationFor } from '../context.ts';
import { price } from '../format.ts';
import type { Handler } from '../handler.ts';
import { type Button, info } from '../reply.ts';
import { decisionButtons } from './purchase-buttons.ts';

export const requests: Handler<'requests'> = async (c) => {
  const organizationId = await organizationFor(c);
  const r = await listRequests(c.service, c.actor, { organizationId });
  if (r.requests.length === 0)
    return info('No seat purchase requests yet. Ask for seats with `add <n> <plan>`.', { private: true });
  const buttons: Button[] = [];
  const lines = r.requests.map((q) => {
    if (r.canDecide && q.status === 'pending')
      buttons.push(...decisionButtons(q.id, `${q.quantity} ${q.planCode}`));
    return `${q.quantity} × ${q.planCode} for ${price(q.proratedAmount, q.currency)} — asked by ${q.requestedBy}, ${describeStatus(q)}${q.decidedBy ? ` (${q.decidedBy})` : ''}`;
  });
  return info(`${r.requests.length} seat purchase requests:`, {
    sections: [{ title: 'Requests', lines }],
    buttons,
    private: true,
  });
};
