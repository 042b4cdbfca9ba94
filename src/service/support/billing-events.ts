/**
 * Claims a billing provider's event id inside the transaction that applies its effect: true
 * the first time, false when it was already applied, so a redelivered event changes nothing.
 */
export { claimEvent } from '../../../db/repositories/billing-events.ts';
