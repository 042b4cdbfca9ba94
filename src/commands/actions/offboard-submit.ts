import { offboardMembers } from '../../service/offboard-members.ts';
import { plural } from '../format.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { seatOutcome } from '../notices.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');
const bool = (v: unknown, fallback: boolean) =>
  v === undefined
    ? fallback
    : v === true || v === 'true' || v === 'on' || v === 'yes' || v === 1 || v === '1';

export const offboardSubmitAction: ActionHandler = async (c, { payload, values = {} }) => {
  const raw = values.members;
  const members = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).filter(
    Boolean,
  );
  const r = await offboardMembers(c.service, c.actor, {
    organizationId: orgId(payload),
    members,
    freeSeat: bool(values.freeSeat, true),
    stopAutoRenew: bool(values.stopAutoRenew, false),
    markFormer: bool(values.markFormer, false),
  });
  const outcome = (m: (typeof r.offboarded)[number]) =>
    `can no longer sign in${m.seat ? `; ${seatOutcome(m.seat)}` : ''}`;
  // a wave too long to list one by one is told per outcome, with how many and the first names
  const lines =
    r.offboarded.length <= PER_PERSON
      ? r.offboarded.map((m) => `${m.email}: ${outcome(m)}`)
      : [...groupBy(r.offboarded, outcome)].map(([what, people]) => {
          const names = people.slice(0, NAMED).map((m) => m.email);
          const more = people.length - names.length;
          return `${plural(people.length, 'person', 'people')} ${what}: ${names.join(', ')}${more ? ` and ${more} more` : ''}`;
        });
  return ok(`Offboarded ${plural(r.offboarded.length, 'person', 'people')}. Their data stays.`, {
    sections: [{ title: 'Offboarded', lines }],
  });
};

/** Up to this many leavers get a line each; more are grouped by what happened to them. */
const PER_PERSON = 25;
const NAMED = 10;

const groupBy = <T>(list: T[], key: (t: T) => string) => {
  const out = new Map<string, T[]>();
  for (const t of list) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
};
