import type { ServiceContext } from './context.ts';
import { reading } from './support/tx.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids a button or form carries back from chat. */
export interface SubjectIds {
  organizationId?: unknown;
  requestId?: unknown;
  invitationId?: unknown;
  offerId?: unknown;
}

/**
 * The organizations the ids of a button or form belong to (an unknown or malformed id maps to
 * null). Chat adapters that serve one organization per workspace use it to refuse ids of
 * another organization before any use case runs.
 */
export const organizationsOfSubjects = (ctx: ServiceContext, ids: SubjectIds): Promise<(string | null)[]> =>
  reading(ctx, async (em) => {
    const out: (string | null)[] = [];
    const one = async (sql: string, id: unknown) => {
      if (id === undefined || id === null || id === '') return;
      if (typeof id !== 'string' || !UUID.test(id)) {
        out.push(null);
        return;
      }
      const rows = await em.execute<{ organization_id: string }[]>(sql, [id]);
      out.push(rows[0]?.organization_id ?? null);
    };
    await one('select id as organization_id from organization where id = ?', ids.organizationId);
    await one('select organization_id from purchase_request where id = ?', ids.requestId);
    await one('select organization_id from invitation where id = ?', ids.invitationId);
    await one(
      `select m.organization_id from idle_offer o join membership m on m.id = o.membership_id where o.id = ?`,
      ids.offerId,
    );
    return out;
  });
