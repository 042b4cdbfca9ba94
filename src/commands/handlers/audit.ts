import { listAudit } from '../../service/list-audit.ts';
import { emailOf, organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { clipLine, PAGE_SIZE, pageButtons, pageOf, pageRange } from '../paging.ts';
import { info } from '../reply.ts';

const brief = (o: Record<string, unknown> | null) =>
  o
    ? Object.entries(o)
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' ')
    : '—';

export const audit: Handler<'audit'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const who = cmd.who ? await emailOf(c, cmd.who) : null;
  // `audit 200` is the last 200 changes, shown a page at a time
  const size = PAGE_SIZE.audit;
  const at = (page: number) => {
    const offset = (page - 1) * size;
    return listAudit(c.service, c.actor, {
      organizationId,
      who,
      offset,
      limit: Math.max(1, Math.min(size, cmd.limit - offset)),
    });
  };
  let r = await at(cmd.page);
  const p = pageOf('audit', cmd.page, Math.min(r.total, cmd.limit));
  if (p.page !== cmd.page) r = await at(p.page);
  const events = r.events.slice(0, Math.max(0, p.total - p.offset));
  const args = { limit: cmd.limit, ...(who ? { who } : {}) };
  return info(
    events.length
      ? `The last ${p.total === 1 ? 'change' : `${p.total} changes`}${who ? ` about ${who}` : ''}${p.pages > 1 ? `, page ${p.page} of ${p.pages}` : ''}:`
      : 'No changes recorded yet.',
    {
      sections: events.length
        ? [
            {
              title: p.pages > 1 ? `Audit ${pageRange(p, events.length)}` : 'Audit',
              lines: events.map((e) =>
                clipLine(
                  `${new Date(e.at).toISOString().slice(0, 16).replace('T', ' ')} ${e.actor} ${e.action}: ${brief(e.before)} → ${brief(e.after)}`,
                ),
              ),
            },
          ]
        : [],
      buttons: pageButtons('audit', p, args),
      private: true,
    },
  );
};
