import { updateOrganizationSettings } from '../../service/update-organization-settings.ts';
import { noMore, onOff } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface AutoassignCommand {
  name: 'autoassign';
  on: boolean;
}

export const autoassignSpec = defineCommand<AutoassignCommand>({
  name: 'autoassign',
  syntax: 'autoassign on|off',
  summary: 'commands_handlers.summary.autoassign',
  example: 'autoassign on',
  parse: (a, usage) => {
    const on = onOff(a[0], usage);
    noMore(a.slice(1), usage);
    return { on };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    await updateOrganizationSettings(c.service, c.actor, { organizationId, autoAssign: cmd.on });
    return ok(wordsOf(c).t(cmd.on ? 'commands_handlers.autoassign.on' : 'commands_handlers.autoassign.off'));
  },
});
