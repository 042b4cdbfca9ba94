import { deleteOrganization } from '../../service/delete-organization.ts';
import { wordsOf } from '../context.ts';
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
    wordsOf(c).t('commands_core.org.deleted', { organization: r.organization.name, count: r.members }),
  );
};
