import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/commands/reply.ts';
import {
  type NoticeMeta,
  type Notifier,
  type Recipient,
  RetryLater,
  Unreachable,
} from '../../src/jobs/notifier.ts';
import { replyMessage, replyText } from './blocks.ts';
import { showDecision } from './decisions.ts';
import type { SlackDeps } from './deps.ts';
import { recordCopy, subjectOf } from './message-copies.ts';
import { userOfEmail } from './users.ts';
import { workspacesOf } from './workspaces.ts';

const slackError = (e: unknown) => e as { code?: string; retryAfter?: number; data?: { error?: string } };

/**
 * Delivers outbox notices as Slack direct messages, in the workspaces connected to the notice's
 * organization. A recipient with no Slack user there (users.lookupByEmail finds none) is
 * `Unreachable`, so the routing notifier tries the next platform. A 429 becomes `RetryLater`
 * with Slack's Retry-After (the client is built to reject rate-limited calls, not sleep on them).
 * Messages with buttons are remembered so every copy can show the decision later; a purchase
 * result updates the copies of its approval request.
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

  private async deliver(to: Recipient, reply: Reply, meta: NoticeMeta) {
    const target = await this.find(to.email, meta.outboxId);
    if (!target) throw new Unreachable(`no Slack user for ${to.email}`);
    const { client, teamId, userId } = target;
    if (meta.kind === 'purchase_result' && meta.payload.requestId) {
      await showDecision(this.d, `purchase:${String(meta.payload.requestId)}`, { result: replyText(reply) });
    }
    const posted = await client.chat.postMessage({ channel: userId, ...replyMessage(reply) });
    const subject = reply.buttons?.length ? subjectOf(reply.buttons[0]!.payload) : null;
    if (subject && posted.channel && posted.ts) {
      await recordCopy(this.d.service.em, subject, {
        teamId,
        channel: posted.channel,
        ts: posted.ts,
        userId,
        reply,
      });
    }
  }

  /**
   * The recipient's Slack user in a workspace of the notice's organization; for a notice with no
   * organization, in any connected workspace or one they were seen in.
   */
  private async find(email: string, outboxId: string) {
    const em = this.d.service.em;
    const [row] = await em
      .fork()
      .execute<{ organization_id: string | null }[]>('select organization_id from outbox where id = ?', [
        outboxId,
      ]);
    const teams = row?.organization_id
      ? await workspacesOf(em, row.organization_id)
      : (
          await em.fork().execute<{ team_id: string }[]>(
            `select team_id from slack_user where email = ?
             union select team_id from slack_workspace`,
            [email],
          )
        ).map((r) => r.team_id);
    for (const teamId of teams) {
      const client: webApi.WebClient | null = await this.d.clientFor(teamId);
      if (!client) continue;
      const userId = await userOfEmail(em, client, teamId, email);
      if (userId) return { client, teamId, userId };
    }
    return null;
  }
}
