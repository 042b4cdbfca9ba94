import { unlinkWorkspace } from '../../service/unlink-workspace.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
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
  },
});
