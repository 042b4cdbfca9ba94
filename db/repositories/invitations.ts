import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Invitation } from '../../src/domain/model.ts';
import { InvitationSchema } from '../schemas/index.ts';

/** An invitation with its row locked for the rest of the transaction, or null. */
export const lockInvitation = (em: EntityManager, id: string): Promise<Invitation | null> =>
  em.findOne(InvitationSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/** An invitation of one organization with its row locked, or null (another one's is not found). */
export const lockInvitationOf = (
  em: EntityManager,
  organizationId: string,
  id: string,
): Promise<Invitation | null> =>
  em.findOne(InvitationSchema, { id, organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/** The pending invitation of an email to an organization (there is at most one), or null. */
export const pendingInvitationOf = (
  em: EntityManager,
  organizationId: string,
  email: string,
): Promise<Invitation | null> => em.findOne(InvitationSchema, { organizationId, email, status: 'pending' });

/** A new invitation, tracked by the unit of work (written at the next flush). */
export const createInvitation = (em: EntityManager, inv: Invitation): Invitation =>
  em.create(InvitationSchema, inv);

/** Closes every pending invitation past its expiry, in one statement; those it closed. */
export const expireStaleInvitations = (
  em: EntityManager,
  now: Date,
): Promise<{ id: string; organization_id: string; email: string }[]> =>
  em.execute<{ id: string; organization_id: string; email: string }[]>(
    `update invitation set status = 'expired', decided_at = ? where status = 'pending' and expires_at <= ?
     returning id, organization_id, email`,
    [now, now],
  );

/**
 * Closes every pending purchase quote past its expiry, in one statement; those it closed.
 * (Run by the same sweep as the invitations; it belongs with the purchase requests' repository.)
 */
export const expireStaleQuotes = (
  em: EntityManager,
  now: Date,
): Promise<{ id: string; organization_id: string }[]> =>
  em.execute<{ id: string; organization_id: string }[]>(
    `update purchase_request set status = 'expired', updated_at = ? where status = 'pending' and quote_expires_at <= ?
     returning id, organization_id`,
    [now, now],
  );

export interface OpenInvitationRow {
  id: string;
  email: string;
  role: string;
  plan_code: string | null;
  expires_at: Date;
}

/** An organization's invitations still open at `now`, oldest first (at most 100). */
export const openInvitationsOf = (
  em: EntityManager,
  organizationId: string,
  now: Date,
): Promise<OpenInvitationRow[]> =>
  em.execute<OpenInvitationRow[]>(
    `select id, email, role, plan_code, expires_at from invitation
     where organization_id = ? and status = 'pending' and expires_at > ? order by created_at limit 100`,
    [organizationId, now],
  );
