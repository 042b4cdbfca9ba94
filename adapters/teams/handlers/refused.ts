import { errorReply } from '../../../src/commands/errors.ts';
import { fail } from '../../../src/commands/reply.ts';
import { type Card, renderCard } from '../render-card.ts';
import { TurnRefused } from '../turn-context.ts';

/** A refusal as a card: ours (no Teams identity) or the core's coded one. */
export const refusedCard = (e: unknown, log: (e: unknown) => void): Card =>
  renderCard(e instanceof TurnRefused ? fail(e.message, 'forbidden') : errorReply(e, log));

export const brokenButton = () =>
  renderCard(fail('That button is no longer valid. Run the command again.', 'invalid_input'));
