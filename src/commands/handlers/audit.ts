import { AUDIT_LIMIT } from '../../domain/limits.ts';
import { listAudit } from '../../service/list-audit.ts';
import { refuse, takePage } from '../args.ts';
import { auditLines } from '../audit/sentence.ts';
import { type CommandContext, emailOf, organizationFor, readerZone, wordsOf } from '../context.ts';
import { clipLine, PAGE_SIZE, pageButtons, pageOf, pageRange } from '../paging.ts';
import { info, type Reply } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';
import { type Who, whoFrom } from '../who.ts';

export interface AuditCommand {
  name: 'audit';
  who: Who | null;
  limit: number;
  page: number;
}

/**
 * How many changes `audit <limit>` may ask for, and how many it shows without one; the same
 * bounds as listAudit's input (src/service/list-audit.ts states them there too).
 */
export { AUDIT_LIMIT };

/** Also what a Previous / Next button of the list runs (actions/list-page.ts). */
export const audit = async (c: CommandContext, cmd: AuditCommand): Promise<Reply> => {
  const organizationId = await organizationFor(c);
  const who = cmd.who ? await emailOf(c, cmd.who) : null;
  // the reader's zone (Slack may ask users.info for it) is asked alongside the page, not after it
  const zoning = readerZone(c);
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
  const page = { ...r, events: r.events.slice(0, Math.max(0, p.total - p.offset)) };
  const events = page.events;
  // each change as a sentence, its time in the reader's zone
  const zone = await zoning;
  const w = wordsOf(c, zone);
  const lines = events.length ? auditLines(page, { timeZone: zone, now: c.service.clock.now() }, w) : [];
  const args = { limit: cmd.limit, ...(who ? { who } : {}) };
  return info(
    events.length
      ? w.t('handlers_people.audit.last', {
          total: p.total,
          totalText: String(p.total),
          withWho: who ? 'yes' : 'no',
          who: who ?? '',
          paged: p.pages > 1 ? 'yes' : 'no',
          page: String(p.page),
          pages: String(p.pages),
        })
      : w.t('handlers_people.audit.none'),
    {
      sections: events.length
        ? [
            {
              title: w.t('handlers_people.audit.title', {
                paged: p.pages > 1 ? 'yes' : 'no',
                range: p.pages > 1 ? pageRange(p, events.length, w) : '',
              }),
              lines: lines.map(clipLine),
            },
          ]
        : [],
      buttons: pageButtons('audit', p, args, w),
      private: true,
    },
  );
};

export const auditSpec = defineCommand<AuditCommand>({
  name: 'audit',
  syntax: 'audit [<who>] [<limit>] [--page <n>]',
  summary: 'commands_handlers.summary.audit',
  example: 'audit ana@example.com 50',
  parse: (a, usage) => {
    let who: Who | null = null;
    let limit: number = AUDIT_LIMIT.default;
    const { page, rest } = takePage(a, usage);
    for (const t of rest) {
      const w = whoFrom(t);
      if (w && !who) who = w;
      else if (/^\d+$/.test(tokenText(t))) {
        limit = Number(tokenText(t));
        if (limit < 1 || limit > AUDIT_LIMIT.max)
          refuse({ key: 'handlers_people.audit.limit', args: { max: String(AUDIT_LIMIT.max) } });
      } else refuse({ key: 'commands_core.args.unexpected', args: { word: tokenText(t), usage } });
    }
    return { who, limit, page };
  },
  run: audit,
});
