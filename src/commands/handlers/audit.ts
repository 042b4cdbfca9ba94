import { listAudit } from '../../service/list-audit.ts';
import { emailOf, organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
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
  const r = await listAudit(c.service, c.actor, { organizationId, who, limit: cmd.limit });
  return info(
    r.events.length
      ? `The last ${r.events.length === 1 ? 'change' : `${r.events.length} changes`}${who ? ` about ${who}` : ''}:`
      : 'No changes recorded yet.',
    {
      sections: r.events.length
        ? [
            {
              title: 'Audit',
              lines: r.events.map(
                (e) =>
                  `${new Date(e.at).toISOString().slice(0, 16).replace('T', ' ')} ${e.actor} ${e.action}: ${brief(e.before)} → ${brief(e.after)}`,
              ),
            },
          ]
        : [],
      private: true,
    },
  );
};
