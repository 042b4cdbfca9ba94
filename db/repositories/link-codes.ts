import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Workspace } from './workspace-links.ts';

export interface LinkCode {
  id: string;
  organizationId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A new code for an organization; the codes it still had open stop working. */
export const replaceLinkCode = async (
  em: EntityManager,
  o: { organizationId: string; codeHash: string; issuedBy: string; at: Date; expiresAt: Date },
) => {
  await em.execute('delete from link_code where organization_id = ? and used_at is null', [o.organizationId]);
  await em.execute(
    `insert into link_code (id, organization_id, code_hash, issued_by, issued_at, expires_at)
     values (?, ?, ?, ?, ?, ?)`,
    [randomUUID(), o.organizationId, o.codeHash, o.issuedBy, o.at, o.expiresAt],
  );
};

/** The code with this hash, locked so two uses of it cannot both succeed. */
export const lockLinkCode = async (em: EntityManager, codeHash: string): Promise<LinkCode | null> => {
  const rows = await em.execute<
    { id: string; organization_id: string; expires_at: Date | string; used_at: Date | string | null }[]
  >('select id, organization_id, expires_at, used_at from link_code where code_hash = ? for update', [
    codeHash,
  ]);
  const r = rows[0];
  return r
    ? {
        id: r.id,
        organizationId: r.organization_id,
        expiresAt: new Date(r.expires_at),
        usedAt: r.used_at ? new Date(r.used_at) : null,
      }
    : null;
};

export const markLinkCodeUsed = (em: EntityManager, id: string, w: Workspace, at: Date) =>
  em.execute('update link_code set used_at = ?, used_platform = ?, used_workspace_id = ? where id = ?', [
    at,
    w.platform,
    w.workspaceId,
    id,
  ]);
