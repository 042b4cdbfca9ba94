import type { Reply } from '../../src/commands/reply.ts';
import { fromMarkdown, plain } from './markdown.ts';

/**
 * A reply as plain text (a dialog's closing message has no card, and Teams renders no markdown
 * in it): code ticks dropped, nothing escaped.
 */
export const replyText = (r: Reply): string =>
  [
    `${r.tone === 'error' ? '✗ ' : ''}${plain(r.text)}`,
    ...(r.fields ?? []).map((f) => `${f.label}: ${plain(f.value)}`),
    ...(r.sections ?? []).flatMap((s) => [s.title, ...s.lines.map(plain)]),
    // a form's field error is often the reply's own line: said once
    ...Object.entries(r.fieldErrors ?? {}).flatMap(([k, v]) => (v === r.text ? [] : [`${k}: ${v}`])),
  ].join('\n');

type Element = { type?: string; text?: string; facts?: { title: string; value: string }[] };

/**
 * An Adaptive Card's readable text: text blocks and facts, in order, as a person reads them (the
 * markdown escapes undone). It is also the plain text of a refusal where no card can be shown.
 */
export const cardText = (card: { body?: unknown[] }): string =>
  ((card.body ?? []) as Element[])
    .flatMap((e) =>
      e.type === 'TextBlock'
        ? [fromMarkdown(e.text ?? '')]
        : e.type === 'FactSet'
          ? (e.facts ?? []).map((f) => `${fromMarkdown(f.title)}: ${fromMarkdown(f.value)}`)
          : [],
    )
    .join('\n');
