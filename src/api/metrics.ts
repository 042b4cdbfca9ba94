import type { EntityManager } from '@mikro-orm/postgresql';

/** A few counters kept in memory, plus gauges read from the database at scrape time. */
const counters = new Map<string, number>();

export const countRequest = (route: string, status: number) => {
  const key = `seatkeeper_http_requests_total{route="${route}",status="${status}"}`;
  counters.set(key, (counters.get(key) ?? 0) + 1);
};

export const renderMetrics = async (em: EntityManager): Promise<string> => {
  const lines = ['# TYPE seatkeeper_http_requests_total counter'];
  for (const [k, v] of counters) lines.push(`${k} ${v}`);
  const outbox = await em
    .fork()
    .execute<{ status: string; n: number }[]>(
      'select status, count(*)::int as n from outbox group by status',
    );
  lines.push('# TYPE seatkeeper_outbox_messages gauge');
  for (const s of ['pending', 'sent', 'parked']) {
    lines.push(`seatkeeper_outbox_messages{status="${s}"} ${outbox.find((r) => r.status === s)?.n ?? 0}`);
  }
  const seats = await em
    .fork()
    .execute<{ total: number; assigned: number }[]>(
      'select count(*)::int as total, count(membership_id)::int as assigned from seat',
    );
  lines.push('# TYPE seatkeeper_seats gauge');
  lines.push(`seatkeeper_seats{state="purchased"} ${seats[0]?.total ?? 0}`);
  lines.push(`seatkeeper_seats{state="assigned"} ${seats[0]?.assigned ?? 0}`);
  return `${lines.join('\n')}\n`;
};
