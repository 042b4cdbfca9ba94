import { updateOrganizationSettings } from '../../service/update-organization-settings.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const autoassign: Handler<'autoassign'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  await updateOrganizationSettings(c.service, c.actor, { organizationId, autoAssign: cmd.on });
  return ok(
    cmd.on
      ? 'Auto-assign is on: a member who first uses a paid feature gets a free seat of the cheapest plan that has it.'
      : 'Auto-assign is off: seats are given with `assign`.',
  );
};
