import { DomainError } from '../../src/domain/errors.ts';
import type { TeamsStore } from './teams-store.ts';

// An invitation is not here: it is addressed to one person (the core accepts it only from the
// invitee), and someone may be invited into an organization of another tenant.
const ID_KEYS = ['organizationId', 'requestId', 'offerId'] as const;

/**
 * A card or dialog payload names ids; in a bound tenant each must belong to the tenant's
 * organization, so a card crafted with another organization's ids is refused as not found.
 */
export const guardPayload = async (
  store: TeamsStore,
  organizationId: string | null,
  payload: Record<string, unknown>,
) => {
  if (!organizationId) return;
  for (const key of ID_KEYS) {
    const id = payload[key];
    if (id === undefined || id === '') continue;
    const owner = await store.organizationOf(key, String(id));
    if (owner !== organizationId) {
      throw new DomainError(
        'not_found',
        'That is not in the organization of this Teams tenant.',
        'Run the command again from here.',
      );
    }
  }
};
