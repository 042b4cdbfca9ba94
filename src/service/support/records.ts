import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventSchema, OutboxSchema } from '../../../db/schemas/index.ts';

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
) =>
  em.persist(
    em.create(AuditEventSchema, {
      id: randomUUID(),
      organizationId: e.organizationId,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subject.type,
      subjectId: e.subject.id,
      before: (e.before as Record<string, unknown>) ?? null,
      after: (e.after as Record<string, unknown>) ?? null,
      at,
    }),
  );

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
  | 'ownership_transferred';

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
) =>
  em.persist(
    em.create(OutboxSchema, {
      id: randomUUID(),
      organizationId: n.organizationId,
      recipientId: n.recipientId,
      kind: n.kind,
      payload: n.payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      createdAt: at,
      sentAt: null,
    }),
  );

/** A plain copy for before/after snapshots (dates as ISO strings). */
export const snapshot = <T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = o[k];
    out[String(k)] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
};
