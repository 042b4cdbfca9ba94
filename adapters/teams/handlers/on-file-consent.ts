import { TurnContext as Turn, type TurnContext } from 'botbuilder';
import { wordsOf } from '../../../src/commands/context.ts';
import { runParsed } from '../../../src/commands/dispatch.ts';
import { fail, hasFile, info, type Reply } from '../../../src/commands/reply.ts';
import { activityWords } from '../activity-words.ts';
import { type BotDeps, cardActivity, inConversation } from '../deps.ts';
import { consentContext, fileInfoCard, putFile, uploadInfo } from '../files.ts';
import { renderCard } from '../render-card.ts';
import { type TeamsTurn, teamsTurn } from '../turn-context.ts';
import { raceDeadline } from './deadline.ts';
import { brokenButton, refusedCard } from './refused.ts';

type ConsentResponse = { action?: string; context?: unknown; uploadInfo?: unknown };

type Reference = ReturnType<typeof Turn.getConversationReference>;

/** Posts a reply as a card into the conversation (after the invoke's answer too). */
const say = (deps: BotDeps, reference: Reference, reply: Reply) =>
  inConversation(deps, reference, async (c) => {
    await c.sendActivity(cardActivity(renderCard(reply)));
  });

/**
 * The person accepted a file consent card (`fileConsent/invoke`, action accept): the export is
 * made again from the card's context, as this person, in the organization linked to this tenant
 * (a context for another organization is refused), its bytes PUT to the upload URL Teams gave,
 * and a file info card shows the file. The invoke is answered at once when this takes longer
 * than the deadline; the rest goes on, tracked, and says what happened in the chat.
 */
export const onFileConsentAccept =
  (deps: BotDeps) =>
  async (context: TurnContext, _state: unknown, response: ConsentResponse): Promise<void> => {
    const data = consentContext.safeParse(response?.context);
    const upload = uploadInfo.safeParse(response?.uploadInfo);
    if (!data.success || !upload.success) {
      await context.sendActivity(cardActivity(brokenButton(activityWords(context))));
      return;
    }
    let turn: TeamsTurn;
    try {
      turn = await teamsTurn(deps, context);
    } catch (e) {
      await context.sendActivity(cardActivity(refusedCard(e, deps.log, activityWords(context))));
      return;
    }
    const w = wordsOf(turn.c);
    // the turn's context is revoked once the invoke is answered: only the reference outlives it
    const reference = Turn.getConversationReference(context.activity);
    const work = async () => {
      const { organizationId, from, to } = data.data;
      if (turn.organizationId !== organizationId)
        return say(deps, reference, fail(w.t('exports.audit.stale_consent'), 'not_found'));
      const reply = await runParsed(turn.c, { name: 'audit export', from, to }, deps.log);
      if (!hasFile(reply)) return say(deps, reference, reply);
      try {
        await putFile(upload.data.uploadUrl, reply.file);
      } catch (e) {
        deps.log(e);
        const error = (e as { status?: number }).status
          ? `HTTP ${(e as { status: number }).status}`
          : 'network';
        return say(deps, reference, fail(w.t('exports.audit.upload_failed', { error }), 'internal'));
      }
      await inConversation(deps, reference, async (c) => {
        await c.sendActivity({ type: 'message', attachments: [fileInfoCard(upload.data)] });
      });
    };
    // tracked from the start: a shutdown waits for it, answered or not
    await raceDeadline(deps.deadlineMs, deps.inFlight.track(work().catch(deps.log)));
  };

/** The person declined the file: one line, nothing uploaded. */
export const onFileConsentDecline =
  (deps: BotDeps) =>
  async (context: TurnContext, _state: unknown, response: ConsentResponse): Promise<void> => {
    const data = consentContext.safeParse(response?.context);
    let w = activityWords(context);
    try {
      w = wordsOf((await teamsTurn(deps, context)).c);
    } catch {
      // not identified: the client's language says it
    }
    const days = data.success ? data.data : { from: '<from>', to: '<to>' };
    await context.sendActivity(cardActivity(renderCard(info(w.t('exports.audit.declined', days)))));
  };
