import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEvent } from '../../src/domain/model.ts';
import { AuditEventSchema } from '../schemas/index.ts';

/**
 * One page of an organization's audit trail, newest first, with how many events it has; with
 * `who`, only changes made by or to that account (its id, or its email in before/after).
 */
export const auditEventsOf = (
  em: EntityManager,
  organizationId: string,
  who: { id: string; email: string } | null,
  page: { limit: number; offset: number },
): Promise<[AuditEvent[], number]> =>
  em.findAndCount(
    AuditEventSchema,
    who
      ? {
          organizationId,
          $or: [
            { actorId: who.id },
            { subjectId: who.id },
            { after: { email: who.email } },
            { before: { email: who.email } },
          ],
        }
      : { organizationId },
    { orderBy: { at: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset },
  );

/**
 * An organization's events from `from` (included) to `to` (excluded), oldest first, a page at a
 * time after the last one read (keyset on at, id: stable however many there are).
 */
export const auditEventsBetween = (
  em: EntityManager,
  organizationId: string,
  span: { from: Date; to: Date },
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<AuditEvent[]> =>
  em.find(
    AuditEventSchema,
    {
      organizationId,
      at: { $gte: span.from, $lt: span.to },
      ...(after ? { $or: [{ at: { $gt: after.at } }, { at: after.at, id: { $gt: after.id } }] } : {}),
    },
    { orderBy: { at: 'asc', id: 'asc' }, limit },
  );

/** How many events an organization has from `from` (included) to `to` (excluded). */
export const countAuditEventsBetween = (
  em: EntityManager,
  organizationId: string,
  span: { from: Date; to: Date },
): Promise<number> => em.count(AuditEventSchema, { organizationId, at: { $gte: span.from, $lt: span.to } });
