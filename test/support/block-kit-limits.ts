/**
 * Slack's published Block Kit limits, checked on what we send: a payload over any of them is
 * refused by Slack (invalid_blocks) or cut. https://api.slack.com/reference/block-kit
 */
// biome-ignore lint/suspicious/noExplicitAny: blocks are read loosely
type Json = any;

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

/** Every limit the payload breaks, as readable lines (empty: within limits). */
export const blockKitProblems = (blocks: Json[], surface: Surface, view?: Json): string[] => {
  const out: string[] = [];
  const over = (what: string, n: number, max: number) => {
    if (n > max) out.push(`${what}: ${n} > ${max}`);
  };
  over('blocks', blocks.length, MAX_BLOCKS[surface]);
  const ids = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const at = `block ${i} (${b.type})`;
    if (b.block_id) {
      over(`${at} block_id length`, b.block_id.length, 255);
      if (ids.has(b.block_id)) out.push(`${at}: duplicate block_id ${b.block_id}`);
      ids.add(b.block_id);
    }
    if (b.type === 'section') {
      if (b.text) over(`${at} text`, b.text.text.length, 3000);
      if (b.fields) {
        over(`${at} fields`, b.fields.length, 10);
        for (const f of b.fields) over(`${at} field text`, f.text.length, 2000);
      }
      if (!b.text && !b.fields) out.push(`${at}: needs text or fields`);
    }
    if (b.type === 'header') over(`${at} text`, b.text.text.length, 150);
    if (b.type === 'context') over(`${at} elements`, b.elements.length, 10);
    if (b.type === 'actions') {
      over(`${at} elements`, b.elements.length, 25);
      const actionIds = new Set<string>();
      for (const e of b.elements) {
        if (actionIds.has(e.action_id)) out.push(`${at}: duplicate action_id ${e.action_id}`);
        actionIds.add(e.action_id);
        out.push(...elementProblems(e, at));
      }
    }
    if (b.type === 'input') {
      over(`${at} label`, b.label.text.length, 2000);
      out.push(...elementProblems(b.element, at));
    }
  }
  if (view) {
    over('title', view.title?.text?.length ?? 0, 24);
    over('private_metadata', (view.private_metadata ?? '').length, 3000);
  }
  return out;
};

const elementProblems = (e: Json, at: string): string[] => {
  const out: string[] = [];
  const over = (what: string, n: number, max: number) => {
    if (n > max) out.push(`${at} ${e.type} ${what}: ${n} > ${max}`);
  };
  if (e.action_id) over('action_id', e.action_id.length, 255);
  if (e.type === 'button') {
    over('text', e.text.text.length, 75);
    over('value', (e.value ?? '').length, 2000);
  }
  if (e.type === 'multi_external_select' || e.type === 'external_select') {
    if (e.options) out.push(`${at} ${e.type}: options must come from the options endpoint`);
  }
  for (const o of [...(e.options ?? []), ...(e.initial_options ?? [])]) {
    over('option text', o.text.text.length, 75);
    over('option value', o.value.length, 150);
  }
  if (e.options) over('options', e.options.length, 100);
  return out;
};

/** The options Slack accepts in an options-endpoint answer: at most 100, each within limits. */
export const optionsProblems = (options: Json[]): string[] =>
  elementProblems({ type: 'options_response', options }, 'options');
