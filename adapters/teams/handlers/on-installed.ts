import type { TurnContext } from 'botbuilder';
import { wordsOf } from '../../../src/commands/context.ts';
import { info } from '../../../src/commands/reply.ts';
import { isDomainError } from '../../../src/domain/errors.ts';
import { type BotDeps, cardActivity } from '../deps.ts';
import { renderCard } from '../render-card.ts';
import { TurnRefused, teamsTurn } from '../turn-context.ts';

/**
 * The app was installed for someone (personal scope): remember their chat, so invitations and
 * approval requests can reach them before they ever type, and say hello. Uninstalled: forget it.
 */
export const onInstalled = (deps: BotDeps) => async (context: TurnContext) => {
  const a = context.activity;
  // uninstalled from the personal scope: stop writing there (notices go to another platform)
  if (a.type === 'installationUpdate' && a.action === 'remove' && a.from?.aadObjectId) {
    if (a.conversation?.conversationType === 'personal')
      await deps.store.forgetConversation(a.from.aadObjectId);
    return;
  }
  const botAdded =
    a.type === 'installationUpdate'
      ? a.action !== 'remove'
      : (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
  if (!botAdded || a.conversation?.conversationType !== 'personal') return;
  let turn: Awaited<ReturnType<typeof teamsTurn>>;
  try {
    turn = await teamsTurn(deps, context);
  } catch (e) {
    // nobody to remember (no tenant, or no email in the roster): they hear why when they type
    if (e instanceof TurnRefused || isDomainError(e)) return;
    throw e;
  }
  await context.sendActivity(
    cardActivity(renderCard(info(wordsOf(turn.c).t('adapters.teams.installed.hello')))),
  );
};
