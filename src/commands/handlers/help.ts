import { lower } from '../args.ts';
import { wordsOf } from '../context.ts';
import { fail, info } from '../reply.ts';
import { type CommandInfo, defineCommand, nearestIn, specIn } from '../spec.ts';

export interface HelpCommand {
  name: 'help';
  topic: string | null;
}

/** `help` lists the commands it is registered with, so the registry hands it that list. */
export const helpSpec = (listed: () => readonly CommandInfo[]) =>
  defineCommand<HelpCommand>({
    name: 'help',
    syntax: 'help [command]',
    summary: 'commands_handlers.summary.help',
    example: 'help add',
    parse: (a) => ({ topic: a.length ? a.map((t) => lower(t)).join(' ') : null }),
    run: async (c, cmd) => {
      const w = wordsOf(c);
      const specs = listed();
      const lineOf = (s: CommandInfo) =>
        w.t('commands_handlers.help.line', { syntax: s.syntax, summary: w.t(s.summary) });
      if (!cmd.topic) {
        return info(w.t('commands_handlers.help.title'), {
          sections: [{ title: w.t('commands_handlers.help.section'), lines: specs.map(lineOf) }],
          private: true,
        });
      }
      const spec = specIn(specs, cmd.topic);
      if (!spec) {
        const near = nearestIn(specs, cmd.topic.split(' ')[0] ?? '');
        return fail(
          w.t('commands_handlers.help.unknown', { topic: cmd.topic, near: near ?? 'none' }),
          'invalid_input',
        );
      }
      const related = specs.filter(
        (s) => s.name !== spec.name && s.name.split(' ')[0] === spec.name.split(' ')[0],
      );
      return info(lineOf(spec), {
        fields: [
          { label: w.t('commands_handlers.help.example'), value: `\`${spec.example}\`` },
          ...related.map((r) => ({
            label: w.t('commands_handlers.help.see_also'),
            value: `\`${r.syntax}\``,
          })),
        ],
        private: true,
      });
    },
  });
