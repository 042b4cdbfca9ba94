import { listMembers } from '../../service/list-members.ts';
import { lower, noMore, takePage } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { organizationFor } from '../context.ts';
import { day, plural } from '../format.ts';
import { clipLine, PAGE_SIZE, pageButtons, pageOf, pageRange } from '../paging.ts';
import { planTitle } from '../plan-title.ts';
import { info, type Reply } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface MembersCommand {
  name: 'members';
  former: boolean;
  page: number;
}

/** Invitations shown with the first page; the rest are counted. */
const SHOWN_INVITATIONS = 20;

const FORMER = ['--former', 'former', '—former'];

/** Also what a Previous / Next button of the list runs (actions/list-page.ts). */
export const members = async (c: CommandContext, cmd: MembersCommand): Promise<Reply> => {
  const organizationId = await organizationFor(c);
  const size = PAGE_SIZE.members;
  const first = await listMembers(c.service, c.actor, {
    organizationId,
    former: cmd.former ? 'only' : 'hide',
    limit: size,
    offset: (cmd.page - 1) * size,
  });
  const p = pageOf('members', cmd.page, first.total);
  // a page past the end shows the last one
  const r =
    p.offset === (cmd.page - 1) * size
      ? first
      : await listMembers(c.service, c.actor, {
          organizationId,
          former: cmd.former ? 'only' : 'hide',
          limit: size,
          offset: p.offset,
        });
  if (cmd.former && r.total === 0)
    return info(
      `${r.organization.name} has no former members. Leavers offboarded with "mark as former" are listed here; \`members\` shows everyone else.`,
    );
  const lines = r.members.map((m) =>
    clipLine(
      `${m.email} — ${m.role}${m.approver && m.role !== 'owner' ? ' (approver)' : ''}, ${planTitle(m.plan)}${m.autoRenew === false ? ' (not renewing)' : ''}${m.status === 'detached' ? ', offboarded' : ''}${m.former ? ', former' : ''}`,
    ),
  );
  const sections = [
    {
      title: `${cmd.former ? 'Former members' : 'Members'} ${p.pages > 1 ? pageRange(p, lines.length) : `(${r.total})`}`,
      lines,
    },
  ];
  if (r.invitations.length && p.page === 1 && !cmd.former) {
    const more = r.invitations.length - SHOWN_INVITATIONS;
    sections.push({
      title: `Invited (${r.invitations.length})`,
      lines: [
        ...r.invitations
          .slice(0, SHOWN_INVITATIONS)
          .map((i) =>
            clipLine(
              `${i.email} — ${i.role}${i.plan ? `, ${planTitle(i.plan)}` : ''}, until ${day(i.expiresAt)}`,
            ),
          ),
        ...(more > 0 ? [`and ${more} more`] : []),
      ],
    });
  }
  const offboarded = r.total - r.active;
  const counts = cmd.former
    ? plural(r.total, 'former member')
    : `${plural(r.active, 'active member')}${offboarded ? ` and ${offboarded} offboarded` : ''}`;
  return info(`${r.organization.name} has ${counts}.${p.pages > 1 ? ` Page ${p.page} of ${p.pages}.` : ''}`, {
    sections,
    buttons: pageButtons('members', p, cmd.former ? { former: true } : {}),
  });
};

export const membersSpec = defineCommand<MembersCommand>({
  name: 'members',
  syntax: 'members [--former] [--page <n>]',
  summary: 'commands_handlers.summary.members',
  example: 'members --former',
  parse: (a, usage) => {
    const { page, rest } = takePage(a, usage);
    const former = rest.some((t) => FORMER.includes(lower(t)!));
    noMore(
      rest.filter((t) => !FORMER.includes(lower(t)!)),
      usage,
    );
    return { former, page };
  },
  run: members,
});
