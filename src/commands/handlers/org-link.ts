import { issueLinkCode } from '../../service/issue-link-code.ts';
import { linkWorkspace } from '../../service/link-workspace.ts';
import { noMore } from '../args.ts';
import { organizationFor, readerZone } from '../context.ts';
import { when } from '../format.ts';
import { fail, info, ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';

export interface OrgLinkCommand {
  name: 'org link';
  code: string | null;
}

/**
 * `org link` gives an owner or admin a one-time code for another workspace or tenant;
 * `org link <code>`, typed there by an owner or admin, links it.
 */
export const orgLinkSpec = defineCommand<OrgLinkCommand>({
  name: 'org link',
  syntax: 'org link [<code>]',
  summary: 'commands_handlers.summary.org_link',
  example: 'org link',
  parse: (a, usage) => {
    noMore(a.slice(1), usage);
    return { code: a[0] ? tokenText(a[0]) : null };
  },
  run: async (c, cmd) => {
    if (cmd.code) {
      if (!c.workspace)
        return fail(
          'Type `org link <code>` in the Slack workspace or Teams tenant you want to link, not here.',
          'invalid_input',
        );
      const r = await linkWorkspace(c.service, c.actor, { code: cmd.code, ...c.workspace });
      return ok(
        `This ${c.workspace.platform === 'teams' ? 'Teams tenant' : 'workspace'} is now linked to ${r.organizationName}. Type \`status\` to see its seats.`,
      );
    }
    const organizationId = await organizationFor(c);
    const r = await issueLinkCode(c.service, c.actor, { organizationId });
    return info(
      `Link code for ${r.organizationName}: \`${r.code}\`. In the other Slack workspace or Teams tenant, an owner or admin of ${r.organizationName} types \`org link ${r.code}\`. It works once, until ${when(r.expiresAt, await readerZone(c), c.service.clock.now())}; a new code replaces it.`,
      { private: true },
    );
  },
});
