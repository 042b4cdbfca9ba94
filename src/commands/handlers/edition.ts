import { setEdition } from '../../service/set-edition.ts';
import { lower, noMore, refuse } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface EditionCommand {
  name: 'edition';
  /** as typed, lower-cased; setEdition knows the editions */
  edition: string;
}

export const editionSpec = defineCommand<EditionCommand>({
  name: 'edition',
  syntax: 'edition <name>',
  summary: 'commands_handlers.summary.edition',
  example: 'edition plus',
  parse: (a, usage) => {
    if (!a[0]) refuse({ key: 'handlers_org.edition.name_missing' });
    noMore(a.slice(1), usage);
    return { edition: lower(a[0])! };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    await setEdition(c.service, c.actor, { organizationId, edition: cmd.edition });
    return ok(wordsOf(c).t('commands_handlers.edition.done', { edition: cmd.edition }));
  },
});
