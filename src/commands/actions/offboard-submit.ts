import type { Words } from '../../i18n/words.ts';
import { offboardMembers } from '../../service/offboard-members.ts';
import { wordsOf } from '../context.ts';
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
  const w = wordsOf(c);
  const outcome = (m: Leaver) => outcomeOf(w, m.seat);
  // a wave too long to list one by one is told per outcome, with how many and the first names
  const lines =
    r.offboarded.length <= PER_PERSON
      ? r.offboarded.map((m) => w.t('commands_core.offboard.person', { email: m.email, outcome: outcome(m) }))
      : [...groupBy(r.offboarded, outcome)].map(([what, people]) => {
          const names = people.slice(0, NAMED).map((m) => m.email);
          const more = people.length - names.length;
          const args = { count: people.length, outcome: what, names: names.join(', '), more };
          return w.t(more ? 'commands_core.offboard.group_more' : 'commands_core.offboard.group', args);
        });
  return ok(w.t('commands_core.offboard.done', { count: r.offboarded.length }), {
    sections: [{ title: w.t('commands_core.offboard.title'), lines }],
  });
};

type Leaver = Awaited<ReturnType<typeof offboardMembers>>['offboarded'][number];

/** What happened to one leaver: signed out, and their seat freed or kept (as notices say it). */
const outcomeOf = (w: Words, seat: Leaver['seat']) =>
  seat
    ? w.t('commands_core.offboard.signed_out_seat', { outcome: seatOutcome(seat, w) })
    : w.t('commands_core.offboard.signed_out');

/** Up to this many leavers get a line each; more are grouped by what happened to them. */
const PER_PERSON = 25;
const NAMED = 10;

const groupBy = <T>(list: T[], key: (t: T) => string) => {
  const out = new Map<string, T[]>();
  for (const t of list) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
};
