import { nearestCommand, SPECS, specOf } from '../grammar.ts';
import type { Handler } from '../handler.ts';
import { fail, info } from '../reply.ts';

export const help: Handler<'help'> = async (_c, cmd) => {
  if (!cmd.topic) {
    return info('Seatkeeper commands (type `help <command>` for one):', {
      sections: [{ title: 'Commands', lines: SPECS.map((s) => `\`${s.syntax}\` — ${s.summary}`) }],
      private: true,
    });
  }
  const spec = specOf(cmd.topic);
  if (!spec) {
    const near = nearestCommand(cmd.topic.split(' ')[0] ?? '');
    return fail(
      `There is no command "${cmd.topic}".${near ? ` Did you mean \`${near}\`?` : ''} Type \`help\` for the list.`,
      'invalid_input',
    );
  }
  const related = SPECS.filter(
    (s) => s.name !== spec.name && s.name.split(' ')[0] === spec.name.split(' ')[0],
  );
  return info(`\`${spec.syntax}\` — ${spec.summary}`, {
    fields: [
      { label: 'Example', value: `\`${spec.example}\`` },
      ...related.map((r) => ({ label: 'See also', value: `\`${r.syntax}\`` })),
    ],
    private: true,
  });
};
