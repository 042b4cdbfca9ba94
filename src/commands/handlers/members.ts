import { listMembers } from '../../service/list-members.ts';
import { organizationFor } from '../context.ts';
import { day } from '../format.ts';
import type { Handler } from '../handler.ts';
import { clipLine, PAGE_SIZE, pageButtons, pageOf, pageRange } from '../paging.ts';
import { info } from '../reply.ts';

/** Invitations shown with the first page; the rest are counted. */
const SHOWN_INVITATIONS = 20;

export const members: Handler<'members'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const size = PAGE_SIZE.members;
  const first = await listMembers(c.service, c.actor, {
    organizationId,
    includeFormer: cmd.former,
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
          includeFormer: cmd.former,
          limit: size,
          offset: p.offset,
        });
  const lines = r.members.map((m) =>
    clipLine(
      `${m.email} — ${m.role}${m.approver && m.role !== 'owner' ? ' (approver)' : ''}, ${m.plan}${m.autoRenew === false ? ' (not renewing)' : ''}${m.status === 'detached' ? ', offboarded' : ''}${m.former ? ', former' : ''}`,
    ),
  );
  const sections = [
    {
      title: p.pages > 1 ? `Members ${pageRange(p, lines.length)}` : `Members (${r.total})`,
      lines,
    },
  ];
  if (r.invitations.length && p.page === 1) {
    const more = r.invitations.length - SHOWN_INVITATIONS;
    sections.push({
      title: `Invited (${r.invitations.length})`,
      lines: [
        ...r.invitations
          .slice(0, SHOWN_INVITATIONS)
          .map((i) =>
            clipLine(`${i.email} — ${i.role}${i.plan ? `, ${i.plan}` : ''}, until ${day(i.expiresAt)}`),
          ),
        ...(more > 0 ? [`and ${more} more`] : []),
      ],
    });
  }
  const offboarded = r.total - r.active;
  const counts = `${r.active} active member${r.active === 1 ? '' : 's'}${offboarded ? ` and ${offboarded} offboarded` : ''}`;
  return info(`${r.organization.name} has ${counts}.${p.pages > 1 ? ` Page ${p.page} of ${p.pages}.` : ''}`, {
    sections,
    buttons: pageButtons('members', p, cmd.former ? { former: true } : {}),
  });
};
