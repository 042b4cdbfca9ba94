import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Claims a billing provider's event id inside the transaction that applies its effect: true
 * the first time, false when it was already applied (the primary key decides, even when two
 * deliveries of the same event race), so a redelivered event changes nothing.
 */
export const claimEvent = async (
  em: EntityManager,
  event: { id: string; type: string } | undefined,
  now: Date,
): Promise<boolean> => {
  if (!event) return true;
  const rows = await em.execute<{ id: string }[]>(
    'insert into stripe_event (id, type, received_at) values (?, ?, ?) on conflict (id) do nothing returning id',
    [event.id, event.type, now],
  );
  return rows.length === 1;
};
