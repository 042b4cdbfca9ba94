import type { EntityManager } from '@mikro-orm/postgresql';

/** The kinds of ids a button, form or card carries back from chat. */
export const SUBJECT_KINDS = [
  'organizationId',
  'requestId',
  'invitationId',
  'offerId',
  'contractId',
  'member',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Who a subject belongs to: its organization, and for an invitation the email it is addressed to. */
export interface SubjectOwner {
  organizationId: string | null;
  addressee: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// `member` is an email inside `scope`: it belongs to the organization it is a member of
const QUERIES: Record<SubjectKind, string> = {
  organizationId: 'select id as org, null as addressee from organization where id = ?',
  requestId: 'select organization_id as org, null as addressee from purchase_request where id = ?',
  invitationId: 'select organization_id as org, email as addressee from invitation where id = ?',
  offerId: `select m.organization_id as org, null as addressee from idle_offer o
            join membership m on m.id = o.membership_id where o.id = ?`,
  contractId: 'select organization_id as org, null as addressee from contract where id = ?',
  member: `select m.organization_id as org, null as addressee from membership m
           join account a on a.id = m.account_id where a.email = lower(?) and m.organization_id = ?`,
};

/** The owner of one id (null fields: unknown or malformed id). */
export const ownerOf = async (
  em: EntityManager,
  kind: SubjectKind,
  id: string,
  scope: string | null,
): Promise<SubjectOwner> => {
  const none = { organizationId: null, addressee: null };
  if (kind === 'member') {
    if (!scope || id.length > 320) return none;
  } else if (!UUID.test(id)) return none;
  const params = kind === 'member' ? [id, scope] : [id];
  const rows = await em.execute<{ org: string | null; addressee: string | null }[]>(QUERIES[kind], params);
  return { organizationId: rows[0]?.org ?? null, addressee: rows[0]?.addressee ?? null };
};
