import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import {
  type NoticeMeta,
  type Notifier,
  type Recipient,
  RetryLater,
  Unreachable,
} from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { subjectKey } from '../../src/commands/subject.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import {
  identifyChatUser,
  identitiesIn,
  workspacesOfOrganization,
  workspacesOfPerson,
} from '../../src/service/chat-access.ts';
import { readerLocale } from '../../src/service/reader-locale.ts';
import { replyMessage, replyText } from './blocks.ts';
import { showResult, showUpdate } from './decisions.ts';
import type { SlackDeps } from './deps.ts';
import { firstCopyFor, recordCopy, subjectOf } from './message-copies.ts';
import { slackProfile, userOfEmail } from './users.ts';

const slackError = (e: unknown) => e as { code?: string; retryAfter?: number; data?: { error?: string } };

/** A receipt's payload names the purchase it settles, if any (src/domain/receipt.ts). */
const settles = z.object({ requestId: z.string().min(1) });

/** Slack's answers when the message to reply under is gone (deleted, or its DM closed for good). */
const THREAD_GONE = new Set(['thread_not_found', 'message_not_found', 'channel_not_found']);

/**
 * Delivers outbox notices as Slack direct messages, in the workspaces connected to the notice's
 * organization. A recipient with no Slack user there (users.lookupByEmail finds none) is
 * `Unreachable`, so the routing notifier tries the next platform. A 429 becomes `RetryLater`
 * with Slack's Retry-After (the client is built to reject rate-limited calls, not sleep on them).
 * Messages with buttons are remembered, with the language they were written in, so every copy
 * can show the decision later in its reader's language; a purchase result updates the
 * recipient's copies of its approval request, and a request that shrank redraws them with its new
 * figures (no new message). A purchase's receipt is a reply in the thread of the
 * recipient's approval request, never itself a copy (a decision redraws copies).
 */
export class SlackNotifier implements Notifier {
  readonly name = 'slack';
  constructor(private readonly d: SlackDeps) {}

  async send(to: Recipient, reply: Reply, meta: NoticeMeta): Promise<void> {
    try {
      await this.deliver(to, reply, meta);
    } catch (e) {
      const err = slackError(e);
      if (err.code === 'slack_webapi_rate_limited_error') throw new RetryLater((err.retryAfter ?? 1) * 1000);
      throw e;
    }
  }

  private async deliver(to: Recipient, rendered: Reply, meta: NoticeMeta) {
    let reply = rendered;
    const target = await this.find(to, meta.outboxId);
    if (!target) throw new Unreachable(`no Slack user for ${to.email}`);
    const { client, teamId, userId, organizationId } = target;
    // a first identification told their language and zone: the notice is said in them
    if (target.learned && meta.reRender)
      reply = meta.reRender(wordsFor(target.learned.locale, target.learned.zone ?? undefined));
    if (meta.kind === 'approval_updated') {
      // the request changed: drawn over the recipient's cards of it, never posted anew
      await showUpdate(
        this.d,
        client,
        subjectKey.purchase(String(meta.payload.requestId)),
        {
          teamId,
          userId,
          locale: await readerLocale(this.d.service, { accountId: to.accountId }, organizationId),
        },
        reply,
      );
      return;
    }
    if (meta.kind === 'purchase_result' && meta.payload.requestId) {
      // this recipient's copies of the request, in the language this notice is in
      await showResult(
        this.d,
        `purchase:${String(meta.payload.requestId)}`,
        { teamId, userId },
        replyText(reply),
      );
    }
    const posted = await this.post(client, userId, reply, await this.threadFor(meta, { teamId, userId }));
    const subject =
      meta.kind !== 'receipt' && reply.buttons?.length ? subjectOf(reply.buttons[0]!.payload) : null;
    if (subject && posted.channel && posted.ts) {
      await recordCopy(this.d.service.em, subject, {
        teamId,
        channel: posted.channel,
        ts: posted.ts,
        userId,
        reply,
        // the language the outbox wrote it in, for the decision line added to it later
        locale: await readerLocale(this.d.service, { accountId: to.accountId }, organizationId),
      });
    }
  }

  /** The message a receipt replies under: the recipient's approval request for its purchase. */
  private async threadFor(meta: NoticeMeta, recipient: { teamId: string; userId: string }) {
    if (meta.kind !== 'receipt') return null;
    const p = settles.safeParse(meta.payload);
    if (!p.success) return null;
    return firstCopyFor(this.d.service.em, subjectKey.purchase(p.data.requestId), recipient);
  }

  /**
   * Posts in the thread when there is one, else as a direct message; a thread Slack no longer
   * finds gets the direct message instead (the threaded post did not land, so this is the only one).
   */
  private async post(
    client: webApi.WebClient,
    userId: string,
    reply: Reply,
    thread: { channel: string; ts: string } | null,
  ) {
    const message = replyMessage(reply);
    if (thread) {
      try {
        return await client.chat.postMessage({
          channel: thread.channel,
          thread_ts: thread.ts,
          reply_broadcast: false,
          ...message,
        });
      } catch (e) {
        if (!THREAD_GONE.has(slackError(e).data?.error ?? '')) throw e;
        this.d.log.info({ channel: thread.channel, ts: thread.ts }, 'thread gone; sending a direct message');
      }
    }
    return client.chat.postMessage({ channel: userId, ...message });
  }

  /**
   * The recipient's Slack user in a workspace linked to the notice's organization (for a notice
   * with no organization, a workspace they were verified in): their verified identity there, or
   * the user with their email if Slack confirmed that email (then verified like a first command).
   */
  private async find(to: Recipient, outboxId: string) {
    const ctx = this.d.service;
    const [row] = await ctx.em
      .fork()
      .execute<{ organization_id: string | null }[]>('select organization_id from outbox where id = ?', [
        outboxId,
      ]);
    const organizationId = row?.organization_id ?? null;
    const teams = organizationId
      ? await workspacesOfOrganization(ctx, 'slack', organizationId)
      : await workspacesOfPerson(ctx, to.accountId, 'slack');
    for (const teamId of teams) {
      const client: webApi.WebClient | null = await this.d.clientFor(teamId);
      if (!client) continue;
      const workspace = { platform: 'slack' as const, workspaceId: teamId };
      const [known] = await identitiesIn(ctx, to.accountId, workspace);
      if (known) return { client, teamId, userId: known, organizationId, learned: null };
      const userId = await userOfEmail(ctx.em, client, teamId, to.email);
      if (!userId) continue;
      const access = await identifyChatUser(ctx, { ...workspace, userId }, () =>
        slackProfile(client, userId),
      ).catch(() => null);
      if (access?.accountId === to.accountId)
        return {
          client,
          teamId,
          userId,
          organizationId,
          learned: { locale: access.locale, zone: access.zone },
        };
    }
    return null;
  }
}
