import type { EntityManager } from '@mikro-orm/postgresql';

/** One audit_event row. `before`/`after` are JSON text, serialized when the change was recorded. */
export interface AuditRow {
  id: string;
  organizationId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: string | null;
  after: string | null;
  at: Date;
}

/** One outbox row as queued. `payload` is JSON text, serialized when the notice was queued. */
export interface OutboxRow {
  id: string;
  organizationId: string | null;
  recipientId: string;
  kind: string;
  payload: string;
  nextAttemptAt: Date;
  createdAt: Date;
  status: 'pending';
  attempts: number;
}

/** Each table's columns next to the field that fills it: the one place the two are matched. */
const AUDIT_COLUMNS = {
  id: 'id',
  organizationId: 'organization_id',
  actorId: 'actor_id',
  action: 'action',
  subjectType: 'subject_type',
  subjectId: 'subject_id',
  before: 'before',
  after: 'after',
  at: 'at',
} as const satisfies Record<keyof AuditRow, string>;

const OUTBOX_COLUMNS = {
  id: 'id',
  organizationId: 'organization_id',
  recipientId: 'recipient_id',
  kind: 'kind',
  payload: 'payload',
  nextAttemptAt: 'next_attempt_at',
  createdAt: 'created_at',
  status: 'status',
  attempts: 'attempts',
} as const satisfies Record<keyof OutboxRow, string>;

/** Many rows in one insert statement, each row's values in the order of `columns`. */
const insertAll = async <R extends object>(
  em: EntityManager,
  table: string,
  columns: { [K in keyof R]: string },
  rows: readonly R[],
) => {
  if (rows.length === 0) return;
  const fields = Object.keys(columns) as (keyof R)[];
  const placeholders = `(${fields.map(() => '?').join(', ')})`;
  await em.execute(
    `insert into ${table} (${fields.map((f) => columns[f]).join(', ')})
     values ${rows.map(() => placeholders).join(', ')}`,
    rows.flatMap((r) => fields.map((f) => r[f])),
  );
};

/** Writes audit events, one statement for all of them. */
export const insertAuditRows = (em: EntityManager, rows: readonly AuditRow[]) =>
  insertAll(em, 'audit_event', AUDIT_COLUMNS, rows);

/** Queues outbox messages, one statement for all of them. */
export const insertOutboxRows = (em: EntityManager, rows: readonly OutboxRow[]) =>
  insertAll(em, 'outbox', OUTBOX_COLUMNS, rows);
