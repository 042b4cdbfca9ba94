import type { CommandContext } from './context.ts';
import type { Command, CommandName } from './grammar.ts';
import type { ActionId, Reply } from './reply.ts';

export type Handler<N extends CommandName> = (
  c: CommandContext,
  cmd: Extract<Command, { name: N }>,
) => Promise<Reply>;

/** A button press or form submission: the payload the button carried, and form values. */
export interface ActionInput {
  payload: Record<string, string | number | boolean>;
  values?: Record<string, string | string[] | number | boolean | undefined>;
}

export type ActionHandler = (c: CommandContext, input: ActionInput) => Promise<Reply>;
export type ActionTable = Record<ActionId, ActionHandler>;
