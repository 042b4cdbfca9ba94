/**
 * What a message with buttons is about: every copy of one approval request (one per approver),
 * an invitation or an idle-seat offer shares one subject, so a decision can update them all.
 */
export const subjectKey = {
  purchase: (requestId: string) => `purchase:${requestId}`,
  invitation: (invitationId: string) => `invitation:${invitationId}`,
  idle: (offerId: string) => `idle:${offerId}`,
};

/** The subject of a message we post, from the ids its own buttons carry (server-side content). */
export const subjectOf = (payload: Record<string, unknown>): string | null => {
  if (payload.requestId) return subjectKey.purchase(String(payload.requestId));
  if (payload.invitationId) return subjectKey.invitation(String(payload.invitationId));
  if (payload.offerId) return subjectKey.idle(String(payload.offerId));
  return null;
};
