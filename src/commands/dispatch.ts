import { isStorableText } from '../domain/text.ts';
import type { CommandContext } from './context.ts';
import { errorReply } from './errors.ts';
import { type Command, parseCommand } from './grammar.ts';
import type { ActionInput, Handler } from './handler.ts';
import { ACTIONS, COMMANDS } from './registry.ts';
import { fail, type Reply } from './reply.ts';

export type Log = (e: unknown) => void;

export const UNSTORABLE_COMMAND =
  'That text contains a control character (such as NUL) or broken text, which cannot be stored. Type it again without it.';

/** Runs a typed command; a refusal or failure becomes an error Reply, never a throw. */
export const runParsed = async (c: CommandContext, command: Command, log?: Log): Promise<Reply> => {
  try {
    const handler = COMMANDS[command.name] as Handler<typeof command.name>;
    return await handler(c, command as never);
  } catch (e) {
    return errorReply(e, log);
  }
};

/** Chat text in, neutral Reply out: what every adapter calls for a slash command or message. */
export const runCommand = async (c: CommandContext, text: string, log?: Log): Promise<Reply> => {
  // a NUL byte (which PostgreSQL refuses) or broken text in a name would otherwise fail deep down
  if (!isStorableText(text)) return fail(UNSTORABLE_COMMAND, 'invalid_input');
  const parsed = parseCommand(text);
  if (!parsed.ok) return fail(parsed.error, 'invalid_input');
  return runParsed(c, parsed.command, log);
};

/** A button press or form submission. Unknown actions are refused, not guessed. */
export const runAction = async (
  c: CommandContext,
  action: string,
  input: ActionInput,
  log?: Log,
): Promise<Reply> => {
  const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action as keyof typeof ACTIONS] : undefined;
  if (!handler) return fail('That button is no longer valid. Run the command again.', 'invalid_input');
  try {
    return await handler(c, input);
  } catch (e) {
    return errorReply(e, log);
  }
};
