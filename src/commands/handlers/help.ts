import { lower } from '../args.ts';
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
    summary: 'List the commands, or explain one.',
    example: 'help add',
    parse: (a) => ({ topic: a.length ? a.map((t) => lower(t)).join(' ') : null }),
    run: async (_c, cmd) => {
      const specs = listed();
      if (!cmd.topic) {
        return info('Seatkeeper commands (type `help <command>` for one):', {
          sections: [{ title: 'Commands', lines: specs.map((s) => `\`${s.syntax}\` — ${s.summary}`) }],
          private: true,
        });
      }
      const spec = specIn(specs, cmd.topic);
      if (!spec) {
        const near = nearestIn(specs, cmd.topic.split(' ')[0] ?? '');
        return fail(
          `There is no command "${cmd.topic}".${near ? ` Did you mean \`${near}\`?` : ''} Type \`help\` for the list.`,
          'invalid_input',
        );
      }
      const related = specs.filter(
        (s) => s.name !== spec.name && s.name.split(' ')[0] === spec.name.split(' ')[0],
      );
      return info(`\`${spec.syntax}\` — ${spec.summary}`, {
        fields: [
          { label: 'Example', value: `\`${spec.example}\`` },
          ...related.map((r) => ({ label: 'See also', value: `\`${r.syntax}\`` })),
        ],
        private: true,
      });
    },
  });
