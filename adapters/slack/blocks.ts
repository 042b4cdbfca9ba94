import type { types } from '@slack/bolt';
import type { Button, Reply } from '../../src/commands/reply.ts';
import { mrkdwn } from './mrkdwn.ts';

type KnownBlock = types.KnownBlock;

const MARK: Record<Reply['tone'], string> = { ok: ':white_check_mark:', info: '', error: ':x:' };

/** Slack caps: 3000 characters per text object, 10 fields per section, 25 elements per actions block. */
const clip = (s: string, max = 3000) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/**
 * Core text as mrkdwn of at most `max` characters. The raw text is cut, then escaped, so a cut
 * never splits an escape or leaves a code span's content outside its ticks unescaped.
 */
export const escapedWithin = (raw: string, max = 3000): string => {
  let out = mrkdwn(raw);
  let n = raw.length;
  while (out.length > max && n > 0) {
    // every raw character is at least one escaped character: drop at least the excess
    n = Math.max(0, n - Math.max(1, out.length - max + 1));
    out = `${mrkdwn(raw.slice(0, n))}…`;
  }
  return out;
};
const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Lines (already mrkdwn) packed into texts of at most 3,000 characters each, never splitting a line. */
const sectionTexts = (title: string, lines: string[]): string[] => {
  const out: string[] = [];
  let current = title;
  for (const line of lines) {
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
  // core text is escaped (mrkdwn); the marks, bold titles and bullets around it are ours
  const mark = MARK[r.tone] ? `${MARK[r.tone]} ` : '';
  const headline = `${mark}${escapedWithin(r.text, 3000 - mark.length)}`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: headline } }];
  for (const group of chunks(r.fields ?? [], 10)) {
    blocks.push({
      type: 'section',
      fields: group.map((f) => {
        const label = `*${escapedWithin(f.label, 200)}*\n`;
        return { type: 'mrkdwn', text: `${label}${escapedWithin(f.value, 2000 - label.length)}` };
      }),
    });
  }
  for (const s of r.sections ?? []) {
    // a long list continues in the next section block instead of being cut at 3,000 characters
    for (const text of sectionTexts(
      `*${escapedWithin(s.title, 200)}*`,
      s.lines.map((l) => `• ${escapedWithin(l, 2898)}`),
    )) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    }
  }
  if (r.tone === 'error' && r.fieldErrors) {
    const lines = Object.entries(r.fieldErrors).map(([k, v]) => `• ${escapedWithin(`${k}: ${v}`, 2898)}`);
    for (const text of sectionTexts('', lines))
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  if (r.code && r.tone === 'error') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `code: \`${r.code}\`` }] });
  }
  if (opts.note)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapedWithin(opts.note) }] });
  if (opts.buttons !== false && r.buttons?.length) {
    const seen = new Set<string>();
    for (const group of chunks(r.buttons, 25)) {
      blocks.push({ type: 'actions', elements: group.map((b, i) => buttonElement(b, i, seen)) });
    }
  }
  return blocks;
};

/**
 * The reply as raw core text, one line per part (a decision's result is kept as this and shown
 * later as a note, escaped then).
 */
export const replyText = (r: Reply) =>
  clip(
    [
      r.text,
      ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`),
      ...(r.sections ?? []).flatMap((s) => [s.title, ...s.lines]),
    ].join('\n'),
    4000,
  );

/**
 * A message body for an ack, respond() or chat.postMessage. `text` is what notifications show
 * and Slack parses it as mrkdwn too, so it is escaped like the blocks.
 */
export const replyMessage = (r: Reply, opts: { buttons?: boolean; note?: string } = {}) => ({
  text: escapedWithin(replyText(r), 4000),
  blocks: replyBlocks(r, opts),
});
