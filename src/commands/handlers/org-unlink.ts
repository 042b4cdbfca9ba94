import { unlinkWorkspace } from '../../service/unlink-workspace.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { fail, ok } from '../reply.ts';

/** `org unlink` (owner): this workspace or tenant stops serving the organization. */
export const orgUnlink: Handler<'org unlink'> = async (c) => {
  if (!c.workspace)
    return fail(
      'Type `org unlink` in the Slack workspace or Teams tenant you want to unlink.',
      'invalid_input',
    );
  const organizationId = await organizationFor(c);
  const r = await unlinkWorkspace(c.service, c.actor, { organizationId, ...c.workspace });
  return ok(
    `This ${c.workspace.platform === 'teams' ? 'Teams tenant' : 'workspace'} is no longer linked to ${r.organizationName}. Nothing of ${r.organizationName} can be seen or changed from here any more.`,
  );
};
