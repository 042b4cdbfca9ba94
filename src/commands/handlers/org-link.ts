import { issueLinkCode } from '../../service/issue-link-code.ts';
import { linkWorkspace } from '../../service/link-workspace.ts';
import { noMore } from '../args.ts';
import { organizationFor, readerZone, wordsOf } from '../context.ts';
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
      if (!c.workspace) return fail(wordsOf(c).t('handlers_org.org_link.not_here'), 'invalid_input');
      const r = await linkWorkspace(c.service, c.actor, { code: cmd.code, ...c.workspace });
      return ok(
        wordsOf(c).t('handlers_org.org_link.linked', {
          platform: c.workspace.platform,
          organization: r.organizationName,
        }),
      );
    }
    const organizationId = await organizationFor(c);
    const r = await issueLinkCode(c.service, c.actor, { organizationId });
    const w = wordsOf(c, await readerZone(c));
    return info(
      w.t('handlers_org.org_link.code', {
        organization: r.organizationName,
        code: r.code,
        until: w.when(r.expiresAt, c.service.clock.now()),
      }),
      { private: true },
    );
  },
});
