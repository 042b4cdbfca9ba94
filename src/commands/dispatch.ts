import { isStorableText } from '../domain/text.ts';
import { guardSubjects } from '../service/chat-access.ts';
import { asSeenInWorkspace, type CommandContext, notLinked, wordsOf } from './context.ts';
import { errorReply, type FormFields } from './errors.ts';
import { type Command, parseCommand } from './grammar.ts';
import type { ActionInput, Handler } from './handler.ts';
import { ACTIONS, COMMANDS } from './registry.ts';
import type { ActionId } from './reply.ts';
import { fail, type Reply } from './reply.ts';

export type Log = (e: unknown) => void;

/**
 * What a workspace or tenant not linked to an organization can run: nothing about any
 * organization, only help, the catalog, the typist's own plan, creating an organization (which
 * links it) and using a link code.
 */
const runsUnlinked = (cmd: Command) =>
  cmd.name === 'help' ||
  cmd.name === 'plans' ||
  cmd.name === 'upgrade' ||
  cmd.name === 'org create' ||
  (cmd.name === 'language' && !cmd.organization) ||
  (cmd.name === 'org link' && cmd.code !== null);

/** Buttons that are not about an organization of the workspace: the person's own answers. */
const UNLINKED_ACTIONS: ReadonlySet<ActionId> = new Set([
  'invitation.accept',
  'invitation.decline',
  'personal.upgrade',
  'noop',
]);

const unlinked = (c: CommandContext) => c.workspace !== undefined && !c.organizationId;

/** Runs a typed command; a refusal or failure becomes an error Reply, never a throw. */
export const runParsed = async (c: CommandContext, command: Command, log?: Log): Promise<Reply> => {
  try {
    if (unlinked(c) && !runsUnlinked(command)) throw notLinked(c);
    const handler = COMMANDS[command.name] as Handler<typeof command.name>;
    return await handler(c, command as never);
  } catch (e) {
    return errorReply(asSeenInWorkspace(c, e), log, undefined, wordsOf(c));
  }
};

/** Chat text in, neutral Reply out: what every adapter calls for a slash command or message. */
export const runCommand = async (c: CommandContext, text: string, log?: Log): Promise<Reply> => {
  // a NUL byte (which PostgreSQL refuses) or broken text in a name would otherwise fail deep down
  const w = wordsOf(c);
  if (!isStorableText(text)) return fail(w.t('commands_core.dispatch.unstorable'), 'invalid_input');
  const parsed = parseCommand(text, w);
  if (!parsed.ok) return fail(parsed.error, 'invalid_input');
  return runParsed(c, parsed.command, log);
};

/**
 * A button press or form submission. Unknown actions are refused, not guessed. In chat, every id
 * it carries must belong to the workspace's organization (guardSubjects) before it runs.
 */
export const runAction = (c: CommandContext, action: string, input: ActionInput, log?: Log): Promise<Reply> =>
  run(c, action, input, log);

/** A submitted form: its action, the ids it carries, what was typed, and the fields shown. */
export interface FormSubmission {
  action: string;
  payload: ActionInput['payload'];
  values: NonNullable<ActionInput['values']>;
  /** the form's fields (name and label) as the person saw them */
  fields: FormFields;
}

/**
 * A form's submission: runs its action like a button, but a refusal is the form's — it names the
 * field by its label, is keyed by the field's name and has no chat next step (errors.ts).
 */
export const submitForm = (c: CommandContext, form: FormSubmission, log?: Log): Promise<Reply> =>
  run(c, form.action, { payload: form.payload, values: form.values }, log, form.fields);

const run = async (
  c: CommandContext,
  action: string,
  input: ActionInput,
  log?: Log,
  form?: FormFields,
): Promise<Reply> => {
  const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action as keyof typeof ACTIONS] : undefined;
  if (!handler)
    return fail(
      wordsOf(c).t('commands_core.dispatch.stale', { kind: form ? 'form' : 'button' }),
      'invalid_input',
    );
  try {
    if (c.workspace) {
      if (unlinked(c) && !UNLINKED_ACTIONS.has(action as ActionId)) throw notLinked(c);
      await guardSubjects(
        c.service,
        { organizationId: c.organizationId ?? null, actor: c.actor },
        input.payload,
      );
    }
    return await handler(c, input);
  } catch (e) {
    return errorReply(e, log, form, wordsOf(c));
  }
};
