import type { EntityManager } from '@mikro-orm/postgresql';
import type { UsageRecord } from '../../src/domain/model.ts';

/**
 * Keeps the latest value per account, resource and metric: one insert-or-update per record,
 * in the order given.
 */
export const saveUsage = async (
  em: EntityManager,
  records: readonly Omit<UsageRecord, 'reportedAt'>[],
  reportedAt: Date,
) => {
  for (const r of records) {
    await em.execute(
      `insert into usage_record (account_id, resource_type, resource_id, metric, value, active, reported_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (account_id, resource_type, resource_id, metric)
       do update set value = excluded.value, active = excluded.active, reported_at = excluded.reported_at`,
      [r.accountId, r.resourceType, r.resourceId, r.metric, r.value, r.active, reportedAt],
    );
  }
};
