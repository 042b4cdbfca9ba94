import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Audit and outbox rows are buffered per unit of work and written by `writeRecords` with one
 * statement each, just before the transaction commits (inTransaction does it): same
 * transaction as the change, without the unit of work's per-entity bookkeeping on the hot path.
 */
interface Buffered {
  audit: unknown[][];
  outbox: unknown[][];
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

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

/** Records one change: who, what, when, before and after. Same transaction as the change. */
export const audit = (
  em: EntityManager,
  at: Date,
  e: {
    organizationId: string | null;
    actorId: string | null;
    action: string;
    subject: { type: string; id: string };
    before?: object | null;
    after?: object | null;
  },
) => {
  bufferOf(em).audit.push([
    randomUUID(),
    e.organizationId,
    e.actorId,
    e.action,
    e.subject.type,
    e.subject.id,
    json(e.before),
    json(e.after),
    at,
  ]);
};

export type NoticeKind =
  | 'invitation'
  | 'approval_request'
  | 'purchase_result'
  | 'seat_assigned'
  | 'seat_removed'
  | 'seat_ending'
  | 'offboarded'
  | 'organization_deleted'
  | 'organization_cancelled'
  | 'ownership_transferred'
  | 'renewal_reminder'
  | 'idle_seat_offer'
  | 'idle_seat_reclaimed'
  | 'organization_ready'
  | 'billing_problem'
  | 'workspace_linked'
  | 'workspace_unlinked'
  | 'payment_received'
  | 'seats_suspended'
  | 'seats_restored'
  | 'scim_offboarded';

/** Queues a message to a person; the outbox worker delivers it. Same transaction as the change. */
export const notify = (
  em: EntityManager,
  at: Date,
  n: {
    organizationId: string | null;
    recipientId: string;
    kind: NoticeKind;
    payload: Record<string, unknown>;
  },
) => {
  bufferOf(em).outbox.push([
    randomUUID(),
    n.organizationId,
    n.recipientId,
    n.kind,
    json(n.payload),
    at,
    at,
    'pending',
    0,
  ]);
};

/** Writes the buffered rows (one insert per table); called once, right before commit. */
export const writeRecords = async (em: EntityManager) => {
  const b = buffers.get(em);
  if (!b) return;
  buffers.delete(em);
  const rows = (list: unknown[][]) => list.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ');
  if (b.audit.length > 0) {
    await em.execute(
      `insert into audit_event (id, organization_id, actor_id, action, subject_type, subject_id, before, after, at)
       values ${rows(b.audit)}`,
      b.audit.flat(),
    );
  }
  if (b.outbox.length > 0) {
    await em.execute(
      `insert into outbox (id, organization_id, recipient_id, kind, payload, next_attempt_at, created_at, status, attempts)
       values ${rows(b.outbox)}`,
      b.outbox.flat(),
    );
  }
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
