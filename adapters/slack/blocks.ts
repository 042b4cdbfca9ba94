import type { types } from '@slack/bolt';
import type { Button, Reply } from '../../src/commands/reply.ts';

type KnownBlock = types.KnownBlock;

const MARK: Record<Reply['tone'], string> = { ok: ':white_check_mark:', info: '', error: ':x:' };

/** Slack caps: 3000 characters per text object, 10 fields per section, 25 elements per actions block. */
const clip = (s: string, max = 3000) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Lines packed into texts of at most 3,000 characters each, never splitting a line. */
const sectionTexts = (title: string, lines: string[]): string[] => {
  const out: string[] = [];
  let current = title;
  for (const raw of lines) {
    const line = clip(raw, 2900);
    if (current.length + 1 + line.length > 3000) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  out.push(current);
  return out;
};

/** action_id must be unique in a block: the same action twice gets a `~n` suffix, stripped on the way back. */
export const actionIdOf = (raw: string) => raw.replace(/~\d+$/, '');

export const buttonElement = (b: Button, index: number, seen: Set<string>): types.Button => {
  const id = seen.has(b.action) ? `${b.action}~${index}` : b.action;
  seen.add(b.action);
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(b.label, 75), emoji: true },
    action_id: id,
    value: JSON.stringify(b.payload),
    ...(b.style ? { style: b.style } : {}),
    ...(b.confirm
      ? {
          confirm: {
            title: { type: 'plain_text', text: clip(b.confirm.title, 100) },
            text: { type: 'plain_text', text: clip(b.confirm.text, 300) },
            confirm: { type: 'plain_text', text: clip(b.confirm.confirm, 30) },
            deny: { type: 'plain_text', text: clip(b.confirm.deny, 30) },
            ...(b.style === 'danger' ? { style: 'danger' as const } : {}),
          },
        }
      : {}),
  };
};

/** A neutral Reply as Block Kit: headline, fields, titled lists, then the buttons. */
export const replyBlocks = (r: Reply, opts: { buttons?: boolean; note?: string } = {}): KnownBlock[] => {
  const headline = [MARK[r.tone], r.text].filter(Boolean).join(' ');
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(headline) } }];
  for (const group of chunks(r.fields ?? [], 10)) {
    blocks.push({
      type: 'section',
      fields: group.map((f) => ({ type: 'mrkdwn', text: clip(`*${f.label}*\n${f.value}`, 2000) })),
    });
  }
  for (const s of r.sections ?? []) {
    // a long list continues in the next section block instead of being cut at 3,000 characters
    for (const text of sectionTexts(
      `*${s.title}*`,
      s.lines.map((l) => `• ${l}`),
    )) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    }
  }
  if (r.tone === 'error' && r.fieldErrors) {
    const lines = Object.entries(r.fieldErrors).map(([k, v]) => `• ${k}: ${v}`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n')) } });
  }
  if (r.code && r.tone === 'error') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `code: \`${r.code}\`` }] });
  }
  if (opts.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(opts.note) }] });
  if (opts.buttons !== false && r.buttons?.length) {
    const seen = new Set<string>();
    for (const group of chunks(r.buttons, 25)) {
      blocks.push({ type: 'actions', elements: group.map((b, i) => buttonElement(b, i, seen)) });
    }
  }
  return blocks;
};

/** The plain text Slack shows in notifications and where blocks cannot render. */
export const replyText = (r: Reply) =>
  clip(
    [
      r.text,
      ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`),
      ...(r.sections ?? []).flatMap((s) => [s.title, ...s.lines]),
    ].join('\n'),
    4000,
  );

/** A message body for an ack, respond() or chat.postMessage. */
export const replyMessage = (r: Reply, opts: { buttons?: boolean; note?: string } = {}) => ({
  text: replyText(r),
  blocks: replyBlocks(r, opts),
});
