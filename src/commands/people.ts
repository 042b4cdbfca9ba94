import type { MemberHit } from '../service/search-members.ts';
import { searchMembers } from '../service/search-members.ts';
import { type CommandContext, organizationFor } from './context.ts';
import { planTitle } from './plan-title.ts';

/** The people pickers a form can have; each is answered by one core search. */
export const PEOPLE_SOURCES = ['offboard.leavers', 'add.for'] as const;
export type PeopleSource = (typeof PEOPLE_SOURCES)[number];
/** Which members each picker lists: the leavers HR may offboard, or whom seats may be for. */
const PURPOSE: Record<PeopleSource, 'offboard' | 'seat'> = {
  'offboard.leavers': 'offboard',
  'add.for': 'seat',
};
export const isPeopleSource = (s: unknown): s is PeopleSource =>
  typeof s === 'string' && (PEOPLE_SOURCES as readonly string[]).includes(s);

export interface PersonOption {
  value: string;
  label: string;
}

/** Labelled as the member list shows them; the search also matches their name. */
export const personOption = (m: MemberHit): PersonOption => ({
  value: m.email,
  label: `${m.email} (${planTitle(m.plan)})`,
});

/**
 * One page of a people picker for the person asking, in the organization their workspace is
 * linked to (never one named by the platform's payload). Platform pickers show what they get;
 * `total` says how many matched so a short page can say "type more".
 */
export const searchPeople = async (
  c: CommandContext,
  source: PeopleSource,
  q: { query?: string; offset?: number; limit?: number; picked?: string[] } = {},
): Promise<{ options: PersonOption[]; total: number; picked: PersonOption[] }> => {
  const organizationId = await organizationFor(c);
  const r = await searchMembers(c.service, c.actor, {
    organizationId,
    query: q.query ?? '',
    offset: q.offset ?? 0,
    limit: q.limit ?? 25,
    picked: q.picked ?? [],
    purpose: PURPOSE[source],
  });
  return { options: r.people.map(personOption), total: r.total, picked: r.picked.map(personOption) };
};
