import type { Button, Form, Reply } from '../../src/commands/reply.ts';
import { english, type Words } from '../../src/i18n/words.ts';

const MARK: Record<Reply['tone'], string> = { ok: '✓', info: '•', error: '✗' };

/** Strips chat markup the terminal cannot show (`code` ticks). */
const plain = (s: string) => s.replace(/`([^`]*)`/g, '$1');

/**
 * A Reply as terminal lines. Buttons are numbered from `firstButton` so `click N` can press
 * them; an error is one line with its code and the next step.
 */
export const renderReply = (r: Reply, firstButton = 1, w: Words = english): string[] => {
  if (r.tone === 'error') {
    const lines = [`✗ [${r.code ?? 'error'}] ${plain(r.text)}`];
    // a form's refusal already names its field in the line; other field notes follow it
    for (const [k, v] of Object.entries(r.fieldErrors ?? {}))
      if (v !== r.text) lines.push(`    ${k}: ${plain(v)}`);
    r.buttons?.forEach((b, i) => {
      lines.push(`  [${firstButton + i}] ${b.label}`);
    });
    return lines;
  }
  const lines = [`${MARK[r.tone]} ${plain(r.text)}`];
  for (const f of r.fields ?? []) lines.push(`    ${f.label}: ${plain(f.value)}`);
  for (const s of r.sections ?? []) {
    lines.push(`  ${s.title}:`);
    for (const l of s.lines) lines.push(`    - ${plain(l)}`);
  }
  r.buttons?.forEach((b: Button, i) => {
    lines.push(
      `  [${firstButton + i}] ${b.label}${b.style === 'danger' ? ` ${w.t('adapters.shell.button.asks_first')}` : ''}`,
    );
  });
  return lines;
};

export const renderFieldPrompt = (form: Form, index: number, w: Words = english): string[] => {
  const f = form.fields[index]!;
  const lines = [
    `  ${form.title} — ${f.label}${f.required ? '' : ` ${w.t('adapters.shell.field.optional')}`}${f.hint ? ` (${f.hint})` : ''}`,
  ];
  for (const [i, o] of (f.options ?? []).entries()) lines.push(`    ${i + 1}) ${o.label}`);
  const initial = Array.isArray(f.initial) ? f.initial.join(', ') : f.initial;
  const how =
    f.type === 'checkbox'
      ? `y/n [${f.initial ? 'y' : 'n'}]`
      : f.type === 'multiselect' || f.type === 'people'
        ? `${w.t('adapters.shell.field.many_how', { kind: f.type })}${initial ? ` [${initial}]` : ''}`
        : f.type === 'select'
          ? w.t('adapters.shell.field.one_how')
          : initial !== undefined && initial !== ''
            ? `[${initial}]`
            : '';
  lines.push(`  ${how ? `${how} ` : ''}> `);
  return lines;
};
