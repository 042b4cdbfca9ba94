/**
 * The time zones Slack reported for its users, kept for an hour so replies that show a time do
 * not ask users.info on every command. Bounded: the oldest entry goes first past 10,000.
 */
const TTL_MS = 3600_000;
const MAX = 10_000;
const zones = new Map<string, { zone: string | undefined; until: number }>();

export const rememberedZone = async (
  key: string,
  look: () => Promise<string | undefined>,
  now = Date.now(),
): Promise<string | undefined> => {
  const hit = zones.get(key);
  if (hit && hit.until > now) return hit.zone;
  const zone = await look();
  zones.delete(key);
  zones.set(key, { zone, until: now + TTL_MS });
  if (zones.size > MAX) zones.delete(zones.keys().next().value!);
  return zone;
};
