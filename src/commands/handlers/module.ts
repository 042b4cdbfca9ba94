import { setModule } from '../../service/set-module.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const moduleCommand: Handler<'module'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  await setModule(c.service, c.actor, { organizationId, module: cmd.module, enabled: cmd.op === 'add' });
  return ok(cmd.op === 'add' ? `The ${cmd.module} module is added.` : `The ${cmd.module} module is removed.`);
};
