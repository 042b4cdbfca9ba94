import { offboardMembers } from '../../service/offboard-members.ts';
import { plural } from '../format.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
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
  const lines = r.offboarded.map(
    (m) =>
      `${m.email}: can no longer sign in${m.seat ? `; ${m.seat.plan} seat ${m.seat.frozen ? 'kept (contract frozen)' : m.seat.freed ? 'freed' : 'kept'}${m.seat.autoRenew ? '' : ', not renewing'}` : ''}`,
  );
  return ok(`Offboarded ${plural(r.offboarded.length, 'person', 'people')}. Their data stays.`, {
    sections: [{ title: 'Offboarded', lines }],
  });
};
