import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The organization's SCIM token becomes this one (the previous one, if any, stops working);
 * whether there was a previous one (xmax is 0 on a freshly inserted row).
 */
export const replaceScimToken = async (
  em: EntityManager,
  t: { organizationId: string; tokenHash: string; issuedBy: string; at: Date },
): Promise<boolean> => {
  const rows = await em.execute<{ replaced: boolean }[]>(
    `insert into scim_token (organization_id, token_hash, issued_by, issued_at) values (?, ?, ?, ?)
     on conflict (organization_id) do update
       set token_hash = excluded.token_hash, issued_by = excluded.issued_by, issued_at = excluded.issued_at
     returning (xmax <> 0) as replaced`,
    [t.organizationId, t.tokenHash, t.issuedBy, t.at],
  );
  return rows[0]?.replaced ?? false;
};

/** Revokes the organization's token; whether there was one. */
export const deleteScimToken = async (em: EntityManager, organizationId: string): Promise<boolean> => {
  const rows = await em.execute<{ organization_id: string }[]>(
    'delete from scim_token where organization_id = ? returning organization_id',
    [organizationId],
  );
  return rows.length > 0;
};

/** The organization a token hash opens, unless that organization was deleted. */
export const organizationOfScimToken = async (em: EntityManager, tokenHash: string) => {
  const rows = await em.execute<{ organization_id: string }[]>(
    `select t.organization_id from scim_token t join organization o on o.id = t.organization_id
     where t.token_hash = ? and o.status <> 'deleted'`,
    [tokenHash],
  );
  return rows[0]?.organization_id ?? null;
};
