import { deleteOrganization } from '../../service/delete-organization.ts';
import { plural } from '../format.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');
const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? undefined : String(v));

export const orgDeleteConfirmAction: ActionHandler = async (c, { payload, values = {} }) => {
  const r = await deleteOrganization(c.service, c.actor, {
    organizationId: orgId(payload),
    confirmName: text(values.confirmName) ?? '',
  });
  return ok(
    `${r.organization.name} is deleted. ${plural(r.members, 'member')} went back to their own plans.`,
  );
};
