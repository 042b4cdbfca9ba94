import type { ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  type NoticeMeta,
  type Notifier,
  type Recipient,
  RetryLater,
  Unreachable,
} from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { subjectKey, subjectOf } from '../../src/commands/subject.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import { readerLocale } from '../../src/service/reader-locale.ts';
import { type BotDeps, cardActivity, inConversation } from './deps.ts';
import { TeamsRateLimits, teamsRetryAfterMs } from './rate-limits.ts';
import { renderCard } from './render-card.ts';

/** The card a notice with buttons is stored under: what it is about (the request, invitation, …). */
export const cardKeyOf = (reply: Reply, meta: NoticeMeta): string =>
  subjectOf(reply.buttons?.[0]?.payload ?? {}) ?? `outbox:${meta.outboxId}`;

/** The connector refuses a chat the user blocked or the app left: another platform may reach them. */
const gone = (e: unknown) => [403, 404].includes((e as { statusCode?: number })?.statusCode ?? 0);
const notFound = (e: unknown) => (e as { statusCode?: number })?.statusCode === 404;

/**
 * Sends this turn's messages as replies to `activityId`. botbuilder sets every outgoing
 * activity's replyToId to the turn's own activity (a proactive turn's is a random id), so it is
 * set after that, where the activities leave (connector: POST …/activities/<replyToId>).
 */
const answering = (context: TurnContext, activityId: string) =>
  context.onSendActivities(async (_context, activities, next) => {
    for (const a of activities) a.replyToId = activityId;
    return next();
  });

/** A receipt's payload names the purchase it settles, if any (src/domain/receipt.ts). */
const settles = z.object({ requestId: z.string().min(1) });

/**
 * Delivers outbox notices as proactive Teams messages, to the personal chat each user last
 * wrote from. Cards with buttons are posted without them plus a Universal Actions refresh for
 * the recipient, and stored, so a decision can update every copy in place. A purchase's receipt
 * is sent as a reply (replyToId) to the recipient's card of that request, the nearest a personal
 * chat has to a thread, and is never stored as a card itself. A request that shrank redraws the
 * recipient's stored card of it in place (nothing new is posted).
 */
export class TeamsNotifier implements Notifier {
  readonly name = 'teams';
  private readonly limits: TeamsRateLimits;
  constructor(private readonly deps: BotDeps) {
    this.limits = deps.limits ?? new TeamsRateLimits();
  }

  async send(to: Recipient, reply: Reply, meta: NoticeMeta) {
    const user = await this.deps.store.userForNotice(to.accountId, meta.outboxId);
    if (!user?.reference) throw new Unreachable(`${to.email} has no Teams conversation with the bot`);
    if (meta.kind === 'approval_updated')
      return this.redraw(to, { ...user, reference: user.reference }, reply, meta);
    const cardKey = reply.buttons?.length && meta.kind !== 'receipt' ? cardKeyOf(reply, meta) : null;
    const card = cardKey
      ? await this.openCard(reply, cardKey, user.aadObjectId, to, meta)
      : renderCard(reply);
    let activityId = '';
    const r = user.reference;
    const post = (replyTo: string | null) =>
      // within Teams' per-conversation and per-tenant limits
      this.limits.run(r.conversation?.tenantId ?? '', r.conversation?.id ?? '', () =>
        inConversation(this.deps, r, async (context) => {
          if (replyTo) answering(context, replyTo);
          activityId = (await context.sendActivity(cardActivity(card)))?.id ?? '';
        }),
      );
    try {
      const replyTo = await this.replyToFor(meta, user.aadObjectId);
      await post(replyTo).catch((e: unknown) => {
        // the card it answers is gone (deleted): the receipt goes as a plain message, once
        if (!replyTo || !notFound(e)) throw e;
        return post(null);
      });
    } catch (e) {
      const wait = teamsRetryAfterMs(e);
      if (wait !== null) throw new RetryLater(wait);
      if (gone(e))
        throw new Unreachable(`${to.email}'s Teams chat refused the message: ${(e as Error).message}`);
      throw e;
    }
    if (cardKey) await this.deps.store.saveCard(cardKey, user.aadObjectId, activityId, reply);
  }

  /**
   * A card with buttons as posted: without them, plus a Universal Actions refresh that brings
   * them to its recipient; the card's own words (its refresh) in the language the outbox wrote
   * the notice in.
   */
  private async openCard(
    reply: Reply,
    cardKey: string,
    aadObjectId: string,
    to: Recipient,
    meta: NoticeMeta,
  ) {
    const locale = await readerLocale(
      this.deps.service,
      { accountId: to.accountId },
      await this.deps.store.noticeOrganization(meta.outboxId),
    );
    return renderCard(reply, { cardKey, refreshFor: [aadObjectId], hideButtons: true, w: wordsFor(locale) });
  }

  /**
   * A request that shrank: the recipient's open card of it is drawn again in place (updateActivity)
   * and stored, so its refresh and a later decision show the new figures; covered, it has no
   * buttons and is closed. No open card: nothing is posted. A card gone from the chat is left.
   */
  private async redraw(
    to: Recipient,
    user: { aadObjectId: string; reference: Partial<ConversationReference> },
    reply: Reply,
    meta: NoticeMeta,
  ) {
    const cardKey = subjectKey.purchase(String(meta.payload.requestId));
    const activityId = await this.deps.store.openCardActivityId(cardKey, user.aadObjectId);
    if (!activityId) return;
    const open = Boolean(reply.buttons?.length);
    const card = open ? await this.openCard(reply, cardKey, user.aadObjectId, to, meta) : renderCard(reply);
    const r = user.reference;
    try {
      await this.limits.run(r.conversation?.tenantId ?? '', r.conversation?.id ?? '', () =>
        inConversation(this.deps, r, async (context) => {
          await context.updateActivity({ ...cardActivity(card), id: activityId });
        }),
      );
    } catch (e) {
      const wait = teamsRetryAfterMs(e);
      if (wait !== null) throw new RetryLater(wait);
      if (!gone(e)) throw e;
      // the card was deleted or the chat closed: there is nothing left to draw over (logged)
      this.deps.log(e);
      return;
    }
    await this.deps.store.replaceOpenCard(cardKey, user.aadObjectId, reply, !open);
  }

  /** The activity a receipt replies to: the recipient's card of the purchase it settles. */
  private async replyToFor(meta: NoticeMeta, aadObjectId: string): Promise<string | null> {
    if (meta.kind !== 'receipt') return null;
    const p = settles.safeParse(meta.payload);
    if (!p.success) return null;
    return this.deps.store.cardActivityId(subjectKey.purchase(p.data.requestId), aadObjectId);
  }
}
