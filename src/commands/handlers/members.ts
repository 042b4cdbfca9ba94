import { listMembers } from '../../service/list-members.ts';
import { organizationFor } from '../context.ts';
import { day } from '../format.ts';
import type { Handler } from '../handler.ts';
import { info } from '../reply.ts';

export const members: Handler<'members'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const r = await listMembers(c.service, c.actor, { organizationId, includeFormer: cmd.former });
  const lines = r.members.map(
    (m) =>
      `${m.email} — ${m.role}${m.approver && m.role !== 'owner' ? ' (approver)' : ''}, ${m.plan}${m.autoRenew === false ? ' (not renewing)' : ''}${m.status === 'detached' ? ', offboarded' : ''}${m.former ? ', former' : ''}`,
  );
  const sections = [{ title: `Members (${r.members.length})`, lines }];
  if (r.invitations.length) {
    sections.push({
      title: `Invited (${r.invitations.length})`,
      lines: r.invitations.map(
        (i) => `${i.email} — ${i.role}${i.plan ? `, ${i.plan}` : ''}, until ${day(i.expiresAt)}`,
      ),
    });
  }
  const active = r.members.filter((m) => m.status === 'active').length;
  const offboarded = r.members.length - active;
  const counts = `${active} active member${active === 1 ? '' : 's'}${offboarded ? ` and ${offboarded} offboarded` : ''}`;
  return info(`${r.organization.name} has ${counts}.`, {
    sections,
  });
};
