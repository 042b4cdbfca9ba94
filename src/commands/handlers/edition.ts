import { setEdition } from '../../service/set-edition.ts';
import { organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const edition: Handler<'edition'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  await setEdition(c.service, c.actor, { organizationId, edition: cmd.edition });
  return ok(`The edition is now ${cmd.edition}.`);
};
