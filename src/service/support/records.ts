import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AuditRow,
  insertAuditRows,
  insertOutboxRows,
  type OutboxRow,
} from '../../../db/repositories/records.ts';
import type { AuditAction } from '../../domain/audit-actions.ts';
import { checkedNotice, type Notice } from '../../domain/notices.ts';

/**
 * Audit and outbox rows are buffered per unit of work and written by `writeRecords` with one
 * statement each, just before the transaction commits (inTransaction does it): same
 * transaction as the change, without the unit of work's per-entity bookkeeping on the hot path.
 */
interface Buffered {
  audit: AuditRow[];
  outbox: OutboxRow[];
}
const buffers = new WeakMap<EntityManager, Buffered>();

/** Marks `em` as a transaction whose records will be written; inTransaction calls it. */
export const openRecords = (em: EntityManager) => buffers.set(em, { audit: [], outbox: [] });

const bufferOf = (em: EntityManager): Buffered => {
  const b = buffers.get(em);
  // a record outside a use-case transaction would be lost: refuse loudly instead
  if (!b) throw new Error('audit and outbox rows can only be written inside inTransaction');
  return b;
};

// serialized now, so a later change to the object does not leak into the record
const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

/** Records one change: who, what, when, before and after. Same transaction as the change. */
export const audit = (
  em: EntityManager,
  at: Date,
  e: {
    organizationId: string | null;
    actorId: string | null;
    /** one of the known kinds (domain/audit-actions.ts): the chat has a sentence for each */
    action: AuditAction;
    subject: { type: string; id: string };
    before?: object | null;
    after?: object | null;
  },
) => {
  bufferOf(em).audit.push({
    id: randomUUID(),
    organizationId: e.organizationId,
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subject.type,
    subjectId: e.subject.id,
    before: json(e.before),
    after: json(e.after),
    at,
  });
};

export type { Notice, NoticeKind, NoticePayloads } from '../../domain/notices.ts';

const queue = (
  em: EntityManager,
  at: Date,
  n: { organizationId: string | null; recipientId: string } & Notice,
) => {
  bufferOf(em).outbox.push({
    id: randomUUID(),
    organizationId: n.organizationId,
    recipientId: n.recipientId,
    kind: n.kind,
    payload: JSON.stringify(n.payload),
    nextAttemptAt: at,
    createdAt: at,
    status: 'pending',
    attempts: 0,
  });
};
/**
 * Queues a message to a person; the outbox worker delivers it. Same transaction as the change.
 * `kind` picks the payload's type (src/domain/notices.ts), so a missing or misnamed field is a
 * compile error at the call. `notify.checked(kind, payload)` is for a writer that picks the kind
 * at run time with a loosely typed payload: it checks the payload against the kind when queued
 * (throws MalformedNotice); spread it into the notice:
 * `notify(em, now, { organizationId, recipientId, ...notify.checked(kind, p) })`.
 */
export const notify = Object.assign(queue, { checked: checkedNotice });

/** Writes the buffered rows (one insert per table); called once, right before commit. */
export const writeRecords = async (em: EntityManager) => {
  const b = buffers.get(em);
  if (!b) return;
  buffers.delete(em);
  await insertAuditRows(em, b.audit);
  await insertOutboxRows(em, b.outbox);
};

/** A plain copy for before/after snapshots (dates as ISO strings). */
export const snapshot = <T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = o[k];
    out[String(k)] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
};
