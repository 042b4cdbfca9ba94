import { listMembers } from '../../service/list-members.ts';
import { lower, noMore, takePage } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { organizationFor, wordsOf } from '../context.ts';
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
  const w = wordsOf(c);
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
    return info(w.t('handlers_people.members.no_former', { org: r.organization.name }));
  const lines = r.members.map((m) =>
    clipLine(
      w.t('handlers_people.members.line', {
        email: m.email,
        role: m.role,
        approver: m.approver && m.role !== 'owner' ? 'yes' : 'no',
        plan: planTitle(m.plan),
        renewing: m.autoRenew === false ? 'no' : 'yes',
        offboarded: m.status === 'detached' ? 'yes' : 'no',
        former: m.former ? 'yes' : 'no',
      }),
    ),
  );
  const sections = [
    {
      title: w.t('handlers_people.members.title', {
        former: cmd.former ? 'yes' : 'no',
        count: p.pages > 1 ? pageRange(p, lines.length, w) : `(${r.total})`,
      }),
      lines,
    },
  ];
  if (r.invitations.length && p.page === 1 && !cmd.former) {
    const more = r.invitations.length - SHOWN_INVITATIONS;
    sections.push({
      title: w.t('handlers_people.members.invited_title', { count: String(r.invitations.length) }),
      lines: [
        ...r.invitations.slice(0, SHOWN_INVITATIONS).map((i) =>
          clipLine(
            w.t('handlers_people.members.invitation', {
              email: i.email,
              role: i.role,
              withPlan: i.plan ? 'yes' : 'no',
              plan: i.plan ? planTitle(i.plan) : '',
              until: w.day(i.expiresAt),
            }),
          ),
        ),
        ...(more > 0 ? [w.t('handlers_people.members.more', { more: String(more) })] : []),
      ],
    });
  }
  const offboarded = r.total - r.active;
  // counts as String: English has always written them without grouping
  const text = w.t('handlers_people.members.summary', {
    org: r.organization.name,
    former: cmd.former ? 'yes' : 'no',
    total: r.total,
    totalText: String(r.total),
    active: r.active,
    activeText: String(r.active),
    offboarded,
    offboardedText: String(offboarded),
    paged: p.pages > 1 ? 'yes' : 'no',
    page: String(p.page),
    pages: String(p.pages),
  });
  return info(text, {
    sections,
    buttons: pageButtons('members', p, cmd.former ? { former: true } : {}, w),
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
