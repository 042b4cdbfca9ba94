import type { EntityManager } from '@mikro-orm/postgresql';
import { reusableSeats } from '../../../db/repositories/reusable-seats.ts';
import { IDLE_AFTER_DAYS, NAMES_SHOWN } from '../../domain/limits.ts';

/** A seat last used before this instant is idle. */
export const idleCutoff = (now: Date) => new Date(now.getTime() - IDLE_AFTER_DAYS * 86_400_000);

/** What a quote says before buying: how many seats of the plan nobody uses, and whose (a few). */
export interface ReuseFacts {
  count: number;
  names: string[];
}

/** The reusable seats of a plan as a quote or an approval card says them; null when there are none. */
export const reuseFacts = async (
  em: EntityManager,
  contractId: string,
  planCode: string,
  now: Date,
): Promise<ReuseFacts | null> => {
  const seats = await reusableSeats(em, {
    contractId,
    planCode,
    idleBefore: idleCutoff(now),
    limit: NAMES_SHOWN,
  });
  if (seats.length === 0) return null;
  return { count: Number(seats[0]!.total), names: seats.map((s) => s.name ?? s.email) };
};
