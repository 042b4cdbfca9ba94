import { previewUnassign } from '../../service/unassign-plan.ts';
import { justWho } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
import { impactLine } from '../domain-terms.ts';
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
    const w = wordsOf(c);
    const warnings = p.impact.warnings.length
      ? p.impact.warnings.map((i) => impactLine(i, w))
      : [w.t('commands_handlers.unassign.nothing')];
    return info(w.t('commands_handlers.unassign.question', { member: p.member.email, from: p.from.name }), {
      sections: [{ title: w.t('commands_handlers.unassign.section'), lines: warnings }],
      buttons: [
        {
          label: w.t('commands_handlers.unassign.button'),
          action: 'unassign.confirm',
          payload: { organizationId, member: p.member.email },
          style: 'danger',
          confirm: {
            title: w.t('commands_handlers.unassign.confirm_title'),
            text: warnings.join(' '),
            confirm: w.t('commands_handlers.unassign.button'),
            deny: w.t('commands_handlers.unassign.confirm_deny'),
          },
        },
      ],
      private: true,
    });
  },
});
