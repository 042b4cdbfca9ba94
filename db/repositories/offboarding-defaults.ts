import type { EntityManager } from '@mikro-orm/postgresql';

export interface OffboardingDefaults {
  freeSeat: boolean;
  stopAutoRenew: boolean;
  markFormer: boolean;
}

/** With no row, offboarding by the identity provider does all three. */
export const ALL_ON: OffboardingDefaults = { freeSeat: true, stopAutoRenew: true, markFormer: true };

export const offboardingDefaults = async (
  em: EntityManager,
  organizationId: string,
): Promise<OffboardingDefaults> => {
  const rows = await em.execute<{ free_seat: boolean; stop_auto_renew: boolean; mark_former: boolean }[]>(
    'select free_seat, stop_auto_renew, mark_former from offboarding_defaults where organization_id = ?',
    [organizationId],
  );
  const r = rows[0];
  return r ? { freeSeat: r.free_seat, stopAutoRenew: r.stop_auto_renew, markFormer: r.mark_former } : ALL_ON;
};

export const saveOffboardingDefaults = (em: EntityManager, organizationId: string, d: OffboardingDefaults) =>
  em.execute(
    `insert into offboarding_defaults (organization_id, free_seat, stop_auto_renew, mark_former) values (?, ?, ?, ?)
     on conflict (organization_id) do update
       set free_seat = excluded.free_seat, stop_auto_renew = excluded.stop_auto_renew, mark_former = excluded.mark_former`,
    [organizationId, d.freeSeat, d.stopAutoRenew, d.markFormer],
  );
