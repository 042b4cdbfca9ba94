import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { ReplyFile } from '../../src/commands/reply.ts';
import type { Words } from '../../src/i18n/words.ts';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a file consent card carries back (acceptContext / declineContext): the organization and
 * the days of the export, nothing else. It grants nothing: an accept makes the file again as
 * the person who accepted, with their rights checked again.
 */
export const consentContext = z.object({ organizationId: z.uuid(), from: day, to: day });
export type ConsentContext = z.infer<typeof consentContext>;

/** Where Teams (OneDrive) takes the bytes of an accepted file, and what the file is then. */
export const uploadInfo = z.object({
  name: z.string().min(1),
  uploadUrl: z.url({ protocol: /^https?$/ }),
  contentUrl: z.string().min(1),
  uniqueId: z.string().optional(),
  fileType: z.string().optional(),
});
export type UploadInfo = z.infer<typeof uploadInfo>;

/** A reply's file's context, when it says what makes it again; else null (Teams cannot send it). */
export const contextOf = (file: ReplyFile): ConsentContext | null => {
  const r = consentContext.safeParse(file.source);
  return r.success ? r.data : null;
};

/**
 * The card that asks the person to take the file: Teams sends a bot's file only once they accept
 * (then `fileConsent/invoke` gives an upload URL in their OneDrive).
 */
export const fileConsentCard = (file: ReplyFile, context: ConsentContext, w: Words): Attachment => ({
  contentType: FILE_CONSENT,
  name: file.name,
  content: {
    description: w.t('exports.audit.consent_description', { from: context.from, to: context.to }),
    sizeInBytes: Buffer.byteLength(file.content, 'utf8'),
    acceptContext: context,
    declineContext: context,
  },
});

/** The card that shows the uploaded file in the chat. */
export const fileInfoCard = (info: UploadInfo): Attachment => ({
  contentType: FILE_INFO,
  contentUrl: info.contentUrl,
  name: info.name,
  content: {
    ...(info.uniqueId ? { uniqueId: info.uniqueId } : {}),
    ...(info.fileType ? { fileType: info.fileType } : {}),
  },
});

/** PUTs the bytes to the upload URL in one range, as OneDrive's upload sessions take them. */
export const putFile = async (url: string, file: ReplyFile): Promise<void> => {
  const bytes = Buffer.from(file.content, 'utf8');
  const r = await fetch(url, {
    method: 'PUT',
    headers: {
      'content-type': file.mimeType,
      'content-length': String(bytes.length),
      'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
    body: bytes,
  });
  if (!r.ok) throw Object.assign(new Error(`the upload URL answered ${r.status}`), { status: r.status });
};
