import type { webApi } from '@slack/bolt';
import { fail, info, type Reply, type ReplyFile } from '../../src/commands/reply.ts';
import type { Words } from '../../src/i18n/words.ts';
import { escapedWithin, replyText } from './blocks.ts';
import type { SlackDeps } from './deps.ts';
import { tell } from './tell.ts';

/** A Web API answer that is not ok, as the one word Slack gives (`missing_scope`, …). */
const slackError = (e: unknown): string =>
  (e as { data?: { error?: string } } | null)?.data?.error ?? (e instanceof Error ? e.message : String(e));

/**
 * Hands a reply's file to the person after the ack, with Slack's upload API: a URL to upload to
 * (files.getUploadURLExternal), the bytes POSTed to it, then files.completeUploadExternal shares
 * it with the reply's text as its comment. It goes to the person's direct messages with the bot,
 * which is where the command came from when typed there; typed anywhere else (a channel, a group
 * or another person's DM) the ack stays ephemeral and the file still goes to the DM, since an
 * export is for the person who asked, and they are told where it is. A failure is told in one
 * line and logged, never swallowed.
 */
export const uploadReplyFile = async (
  d: SlackDeps,
  client: webApi.WebClient,
  where: { userId: string; channelId?: string; responseUrl?: string },
  reply: Reply & { file: ReplyFile },
  w: Words,
): Promise<void> => {
  const file = reply.file;
  try {
    const opened = await client.conversations.open({ users: where.userId });
    const dm = opened.channel?.id;
    if (!dm) throw new Error('conversations.open gave no channel');
    const bytes = Buffer.from(file.content, 'utf8');
    const target = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length });
    if (!target.upload_url || !target.file_id)
      throw new Error('files.getUploadURLExternal gave no upload_url');
    const posted = await fetch(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': file.mimeType },
      body: bytes,
    });
    if (!posted.ok) throw new Error(`the upload URL answered ${posted.status}`);
    await client.files.completeUploadExternal({
      files: [{ id: target.file_id, title: file.name }],
      channel_id: dm,
      initial_comment: escapedWithin(replyText(reply), 4000),
    });
    if (where.channelId !== dm)
      await tell(
        d,
        client,
        { responseUrl: where.responseUrl, userId: where.userId },
        info(w.t('exports.audit.in_direct_message'), { private: true }),
      );
  } catch (e) {
    d.log.error({ err: e, file: file.name }, 'uploading a file to Slack failed');
    await tell(
      d,
      client,
      { responseUrl: where.responseUrl, userId: where.userId },
      fail(w.t('exports.audit.upload_failed', { error: slackError(e) }), 'internal'),
    ).catch((err: unknown) => d.log.error({ err }, 'telling of a failed upload failed'));
  }
};
