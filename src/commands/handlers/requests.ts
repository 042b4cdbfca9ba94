import { requestStage } from '../../domain/quote.ts';
import { listRequests } from '../../service/list-requests.ts';
import { noMore, takePage } from '../args.ts';
import { type CommandContext, organizationFor, readerZone, wordsOf } from '../context.ts';
import { stageText } from '../domain-terms.ts';
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
  const w = wordsOf(c, await zoning);
  if (r.total === 0) return info(w.t('commands_handlers.requests.none'), { private: true });
  const buttons: Button[] = [];
  const moment = (d: Date) => w.when(d, c.service.clock.now());
  const lines = r.requests.map((q) => {
    const what = `${q.quantity} ${planTitle(q.planCode)}`;
    // an approver's own quote is theirs alone to confirm; the others wait for any approver
    if (q.status === 'pending' && q.needs === 'confirmation') {
      if (q.mine) buttons.push(...confirmButtons(q.id, what, w));
    } else if (r.canDecide && q.status === 'pending') buttons.push(...decisionButtons(q.id, what, w));
    const state =
      q.status === 'pending'
        ? w.t('commands_handlers.requests.pending', {
            status: stageText(requestStage(q), w),
            // waiting for an approver: open a week (priced again if approved after a day)
            open: q.needs === 'approval' ? 'yes' : 'no',
            when: moment(q.quoteExpiresAt),
          })
        : w.t('commands_handlers.requests.decided', {
            status: stageText(requestStage(q), w),
            by: q.decidedBy && q.decidedBy !== q.requestedBy ? q.decidedBy : 'none',
          });
    return clipLine(
      w.t('commands_handlers.requests.line', {
        count: q.quantity,
        plan: planTitle(q.planCode),
        amount: w.money(q.proratedAmount, q.currency),
        mine: q.mine ? 'yes' : 'no',
        requester: q.requestedBy ?? '',
        when: moment(q.createdAt),
        state,
      }),
    );
  });
  const paged = p.pages > 1 ? 'yes' : 'no';
  return info(
    w.t('commands_handlers.requests.title', { total: r.total, paged, page: p.page, pages: p.pages }),
    {
      sections: [
        {
          title: w.t('commands_handlers.requests.section', { paged, range: pageRange(p, lines.length, w) }),
          lines,
        },
      ],
      buttons: [...buttons, ...pageButtons('requests', p, undefined, w)],
      private: true,
    },
  );
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
