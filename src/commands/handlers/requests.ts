import { describeStatus } from '../../domain/quote.ts';
import { listRequests } from '../../service/list-requests.ts';
import { noMore, takePage } from '../args.ts';
import { type CommandContext, organizationFor, readerZone } from '../context.ts';
import { plural, price, when } from '../format.ts';
import { clipLine, PAGE_SIZE, pageButtons, pageOf, pageRange } from '../paging.ts';
import { planTitle } from '../plan-title.ts';
import { type Button, info, type Reply } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { confirmButtons, decisionButtons } from './purchase-buttons.ts';

export interface RequestsCommand {
  name: 'requests';
  page: number;
}

/** Also what a Previous / Next button of the list runs (actions/list-page.ts). */
export const requests = async (c: CommandContext, cmd: RequestsCommand): Promise<Reply> => {
  const organizationId = await organizationFor(c);
  const size = PAGE_SIZE.requests;
  // the reader's zone (Slack: a users.info call) is asked alongside the page, not after it
  const zoning = readerZone(c);
  const at = async (page: number) =>
    listRequests(c.service, c.actor, { organizationId, limit: size, offset: (page - 1) * size });
  let r = await at(cmd.page);
  const p = pageOf('requests', cmd.page, r.total);
  if (p.page !== cmd.page) r = await at(p.page);
  if (r.total === 0)
    return info('No seat purchase requests yet. Ask for seats with `add <n> <plan>`.', { private: true });
  const buttons: Button[] = [];
  const zone = await zoning;
  const moment = (d: Date) => when(d, zone, c.service.clock.now());
  const lines = r.requests.map((q) => {
    const what = `${q.quantity} ${planTitle(q.planCode)}`;
    // an approver's own quote is theirs alone to confirm; the others wait for any approver
    if (q.status === 'pending' && q.needs === 'confirmation') {
      if (q.mine) buttons.push(...confirmButtons(q.id, what));
    } else if (r.canDecide && q.status === 'pending') buttons.push(...decisionButtons(q.id, what));
    const state =
      q.status === 'pending'
        ? `${describeStatus(q)}, quote valid until ${moment(q.quoteExpiresAt)}`
        : `${describeStatus(q)}${q.decidedBy && q.decidedBy !== q.requestedBy ? ` by ${q.decidedBy}` : ''}`;
    return clipLine(
      `${plural(q.quantity, `${planTitle(q.planCode)} seat`)} for ${price(q.proratedAmount, q.currency)} — asked by ${q.mine ? 'you' : q.requestedBy} on ${moment(q.createdAt)}, ${state}`,
    );
  });
  return info(`${r.total} seat purchase requests${p.pages > 1 ? `, page ${p.page} of ${p.pages}` : ''}:`, {
    sections: [{ title: p.pages > 1 ? `Requests ${pageRange(p, lines.length)}` : 'Requests', lines }],
    buttons: [...buttons, ...pageButtons('requests', p)],
    private: true,
  });
};

export const requestsSpec = defineCommand<RequestsCommand>({
  name: 'requests',
  syntax: 'requests [--page <n>]',
  summary: 'commands_handlers.summary.requests',
  example: 'requests',
  parse: (a, usage) => {
    const { page, rest } = takePage(a, usage);
    noMore(rest, usage);
    return { page };
  },
  run: requests,
});
