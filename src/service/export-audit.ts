import { z } from 'zod';
import { auditEventsBetween, countAuditEventsBetween } from '../../db/repositories/audit-log.ts';
import { type CsvCell, csvLine } from '../domain/csv.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { type AuditEntry, describeEvents } from './list-audit.ts';
import { dayField, parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { reading } from './support/tx.ts';

/** a year and a day: a calendar year, leap or not, in one file */
export const EXPORT_MAX_DAYS = 366;
/** rows one file holds: a chat upload stays a few megabytes */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 1000;
const DAY_MS = 86_400_000;

const input = z.object({
  organizationId: uuidField,
  /** first and last day, both included, in UTC as the file's times are */
  from: dayField,
  to: dayField,
});

export const AUDIT_CSV_HEADER = [
  'at',
  'actor_email',
  'actor_name',
  'action',
  'subject_type',
  'subject_id',
  'subject_email',
  'subject_name',
  'plan',
  'quantity',
  'amount',
  'currency',
  'before',
  'after',
] as const;

export interface AuditExport {
  from: string;
  to: string;
  rows: number;
  /** the file, header first, CRLF lines */
  csv: string;
  /** a name for the file: `audit-<from>-to-<to>.csv` */
  fileName: string;
}

/** Minor units as the currency writes them, with a dot: 3000 EUR → 30.00, 500 JPY → 500. */
const decimal = (amount: number, currency: string) => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits as number;
  return (amount / 10 ** digits).toFixed(digits);
};

/** The money an event is about: its purchase's charge, or an amount the event recorded. */
const moneyOf = (e: AuditEntry): { amount: number; currency: string } | null => {
  if (e.purchase && e.action.startsWith('purchase.'))
    return { amount: e.purchase.proratedAmount, currency: e.purchase.currency };
  const amount = e.after?.amount;
  return typeof amount === 'number' && e.currency ? { amount, currency: e.currency } : null;
};

const rowOf = (e: AuditEntry): CsvCell[] => {
  const m = moneyOf(e);
  return [
    e.at.toISOString(),
    e.people.actor?.email ?? e.actor,
    e.people.actor?.name ?? null,
    e.action,
    e.subject.type,
    e.subject.id,
    e.people.subject?.email ?? null,
    e.people.subject?.name ?? null,
    e.purchase?.plan ?? null,
    e.purchase?.quantity ?? null,
    m ? decimal(m.amount, m.currency) : null,
    m ? m.currency.toUpperCase() : null,
    e.before ? JSON.stringify(e.before) : null,
    e.after ? JSON.stringify(e.after) : null,
  ];
};

/**
 * `audit export <from> <to>`: every change and charge of those days as CSV, oldest first, for
 * auditors (admins, like `audit`). One row per audit event, so the file and the trail agree.
 */
export const exportAudit = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<AuditExport> => {
  const cmd = parse(input, raw);
  const from = new Date(`${cmd.from}T00:00:00Z`);
  const last = new Date(`${cmd.to}T00:00:00Z`);
  const span = { from, to: new Date(last.getTime() + DAY_MS) };
  const days = Math.round((span.to.getTime() - from.getTime()) / DAY_MS);
  if (last < from)
    throw new DomainError(
      'invalid_input',
      { key: 'exports.audit.backwards', args: { from: cmd.from, to: cmd.to } },
      { key: 'exports.audit.backwards_next' },
    );
  if (days > EXPORT_MAX_DAYS)
    throw new DomainError(
      'invalid_input',
      { key: 'exports.audit.too_long', args: { max: EXPORT_MAX_DAYS, from: cmd.from, to: cmd.to, days } },
      { key: 'exports.audit.too_long_next' },
    );
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, 'view_org');
    const count = await countAuditEventsBetween(em, org.id, span);
    if (count > EXPORT_MAX_ROWS)
      throw new DomainError(
        'invalid_input',
        {
          key: 'exports.audit.too_many',
          args: { count, max: EXPORT_MAX_ROWS, from: cmd.from, to: cmd.to },
        },
        { key: 'exports.audit.too_many_next' },
      );
    const lines = [csvLine(AUDIT_CSV_HEADER)];
    let after: { at: Date; id: string } | null = null;
    let rows = 0;
    for (;;) {
      const events = await auditEventsBetween(em, org.id, span, after, PAGE);
      if (events.length === 0) break;
      const { entries } = await describeEvents(em, org.id, events);
      for (const e of entries) lines.push(csvLine(rowOf(e)));
      rows += events.length;
      const end = events.at(-1)!;
      after = { at: end.at, id: end.id };
      if (events.length < PAGE || rows >= EXPORT_MAX_ROWS) break;
    }
    return {
      from: cmd.from,
      to: cmd.to,
      rows,
      csv: lines.join(''),
      fileName: `audit-${cmd.from}-to-${cmd.to}.csv`,
    };
  });
};
