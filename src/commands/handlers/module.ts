import { setModule } from '../../service/set-module.ts';
import { lower, noMore, refuse } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface ModuleCommand {
  name: 'module';
  op: 'add' | 'remove';
  /** as typed, lower-cased; setModule knows the modules */
  module: string;
}

export const moduleSpec = defineCommand<ModuleCommand>({
  name: 'module',
  syntax: 'module add|remove <name>',
  summary: 'commands_handlers.summary.module',
  example: 'module add sso',
  parse: (a, usage) => {
    const op = lower(a[0]);
    if (op !== 'add' && op !== 'remove')
      refuse({ key: 'handlers_org.module.add_or_remove', args: { usage } });
    if (!a[1]) refuse({ key: 'handlers_org.module.name_missing', args: { usage } });
    noMore(a.slice(2), usage);
    return { op: op as 'add' | 'remove', module: lower(a[1])! };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    await setModule(c.service, c.actor, { organizationId, module: cmd.module, enabled: cmd.op === 'add' });
    return ok(wordsOf(c).t('commands_handlers.module.done', { op: cmd.op, module: cmd.module }));
  },
});
