import { errorReply } from '../../../src/commands/errors.ts';
import { fail } from '../../../src/commands/reply.ts';
import { english, type Words } from '../../../src/i18n/words.ts';
import { type Card, renderCard } from '../render-card.ts';
import { TurnRefused } from '../turn-context.ts';

/** A refusal as a card: ours (no Teams identity) or the core's coded one. */
export const refusedCard = (e: unknown, log: (e: unknown) => void, w: Words = english): Card =>
  renderCard(
    e instanceof TurnRefused ? fail(turnRefusal(e, w), 'forbidden') : errorReply(e, log, undefined, w),
  );

/** The turn's refusal in the reader's language. */
export const turnRefusal = (e: TurnRefused, w: Words): string => w.t(e.key);

export const brokenButton = (w: Words = english) =>
  renderCard(fail(w.t('adapters.common.button_expired'), 'invalid_input'));
