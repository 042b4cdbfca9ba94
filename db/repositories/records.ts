import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEvent, OutboxMessage } from '../../src/domain/model.ts';
import { AuditEventSchema, OutboxSchema } from '../schemas/index.ts';

/** One audit_event row. `before`/`after` are JSON text, serialized when the change was recorded. */
export type AuditRow = Omit<AuditEvent, 'before' | 'after'> & { before: string | null; after: string | null };

/** One outbox row as queued. `payload` is JSON text, serialized when the notice was queued. */
export type OutboxRow = Pick<
  OutboxMessage,
  'id' | 'organizationId' | 'recipientId' | 'kind' | 'nextAttemptAt' | 'createdAt' | 'attempts'
> & { payload: string; status: 'pending' };

// written on every use case's commit: the column list is looked up once per table
const columnLists = new WeakMap<object, string[]>();
const columnsOf = (
  meta: { properties: Record<string, { fieldNames: string[] }> },
  fields: readonly string[],
): string[] => {
  let columns = columnLists.get(meta);
  if (!columns) {
    columns = fields.map((f) => meta.properties[f]!.fieldNames[0]!);
    columnLists.set(meta, columns);
  }
  return columns;
};

/**
 * Many rows in one insert statement. The columns are the mapping's own (db/schemas), so a field
 * and its column are matched in one place; each row's values follow the order of `fields`.
 */
const insertAll = async <R extends object>(
  em: EntityManager,
  entity: string,
  fields: readonly (keyof R & string)[],
  rows: readonly R[],
) => {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get(entity);
  const columns = columnsOf(meta, fields);
  const placeholders = `(${fields.map(() => '?').join(', ')})`;
  await em.execute(
    `insert into ${meta.tableName} (${columns.join(', ')})
     values ${rows.map(() => placeholders).join(', ')}`,
    rows.flatMap((r) => fields.map((f) => r[f])),
  );
};

const AUDIT_FIELDS = [
  'id',
  'organizationId',
  'actorId',
  'action',
  'subjectType',
  'subjectId',
  'before',
  'after',
  'at',
] as const satisfies readonly (keyof AuditRow)[];

const OUTBOX_FIELDS = [
  'id',
  'organizationId',
  'recipientId',
  'kind',
  'payload',
  'nextAttemptAt',
  'createdAt',
  'status',
  'attempts',
] as const satisfies readonly (keyof OutboxRow)[];

/** Writes audit events, one statement for all of them. */
export const insertAuditRows = (em: EntityManager, rows: readonly AuditRow[]) =>
  insertAll(em, AuditEventSchema.meta.className, AUDIT_FIELDS, rows);

/** Queues outbox messages, one statement for all of them. */
export const insertOutboxRows = (em: EntityManager, rows: readonly OutboxRow[]) =>
  insertAll(em, OutboxSchema.meta.className, OUTBOX_FIELDS, rows);
