import { previewUnassign } from '../../service/unassign-plan.ts';
import { justWho } from '../args.ts';
import { emailOf, organizationFor } from '../context.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import type { Who } from '../who.ts';

export interface UnassignCommand {
  name: 'unassign';
  who: Who;
}

/** Shows what will stop working, then asks for confirmation. */
export const unassignSpec = defineCommand<UnassignCommand>({
  name: 'unassign',
  syntax: 'unassign <who>',
  summary: 'commands_handlers.summary.unassign',
  example: 'unassign ana@example.com',
  parse: justWho,
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const member = await emailOf(c, cmd.who);
    const p = await previewUnassign(c.service, c.actor, { organizationId, member });
    const warnings = p.impact.warnings.length ? p.impact.warnings : ['Nothing they use today stops working.'];
    return info(`Move ${p.member.email} from ${p.from.name} to Free?`, {
      sections: [{ title: 'What changes', lines: warnings }],
      buttons: [
        {
          label: 'Move to Free',
          action: 'unassign.confirm',
          payload: { organizationId, member: p.member.email },
          style: 'danger',
          confirm: {
            title: 'Remove the plan?',
            text: warnings.join(' '),
            confirm: 'Move to Free',
            deny: 'Cancel',
          },
        },
      ],
      private: true,
    });
  },
});
