import type { ServiceContext } from '../../src/service/context.ts';
import { organizationsOf } from '../../src/service/organizations-of.ts';
import type { TeamsStore } from './teams-store.ts';

/**
 * Which organization a tenant's commands act on. A tenant is bound once, for good, to the
 * organization of the first owner or admin who talks to the bot from it (including right after
 * `org create`). Until then commands act on the typist's own organization, as in the shell.
 */
export const tenantOrganization = async (
  service: ServiceContext,
  store: TeamsStore,
  tenantId: string,
  email: string,
): Promise<string | null> => {
  const bound = await store.tenantOrganization(tenantId);
  if (bound) return bound;
  const orgs = await organizationsOf(service, { email });
  const managed = orgs.find((o) => o.memberStatus === 'active' && (o.role === 'owner' || o.role === 'admin'));
  if (!managed) return null;
  const accounts = await service.em
    .fork()
    .execute<{ id: string }[]>('select id from account where email = ?', [email.toLowerCase()]);
  return store.bindTenant(tenantId, managed.id, accounts[0]?.id ?? null);
};
