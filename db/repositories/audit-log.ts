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
