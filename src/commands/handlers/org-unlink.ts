import { unlinkWorkspace } from '../../service/unlink-workspace.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { fail, ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface OrgUnlinkCommand {
  name: 'org unlink';
}

/** `org unlink` (owner): this workspace or tenant stops serving the organization. */
export const orgUnlinkSpec = defineCommand<OrgUnlinkCommand>({
  name: 'org unlink',
  syntax: 'org unlink',
  summary: 'commands_handlers.summary.org_unlink',
  example: 'org unlink',
  parse: noArgs,
  run: async (c) => {
    const w = wordsOf(c);
    if (!c.workspace) return fail(w.t('handlers_org.org_unlink.not_here'), 'invalid_input');
    const organizationId = await organizationFor(c);
    const r = await unlinkWorkspace(c.service, c.actor, { organizationId, ...c.workspace });
    return ok(
      w.t('handlers_org.org_unlink.unlinked', {
        platform: c.workspace.platform,
        organization: r.organizationName,
      }),
    );
  },
});
