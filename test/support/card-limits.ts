import { createRequire } from 'node:module';

// The SDK's ES build has extension-less imports Node cannot load; its UMD bundle runs without a DOM.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

/** Teams refuses cards much over this (the documented limit is 28 KB for the whole card). */
export const MAX_CARD_BYTES = 28 * 1024;
/** The Adaptive Cards SDK's host default and Teams' rule: at most 5 actions per set. */
export const MAX_ACTIONS = 5;

const actionSets = (card: Json): Json[][] => {
  const sets: Json[][] = [];
  if (card.actions) sets.push(card.actions);
  const walk = (e: Json) => {
    if (!e || typeof e !== 'object') return;
    if (e.type === 'ActionSet') sets.push(e.actions ?? []);
    for (const v of Object.values(e)) if (Array.isArray(v)) v.forEach(walk);
  };
  (card.body ?? []).forEach(walk);
  return sets;
};

/**
 * What is wrong with a card for Teams: the Adaptive Cards SDK's own parse warnings and
 * validation (unknown elements, missing choices, more actions than the host allows, …), its
 * size in bytes, and every action set's length.
 */
export const cardProblems = (card: Json): string[] => {
  const out: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) out.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) out.push(`validate: ${e.message}`);
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES) out.push(`size: ${bytes} bytes > ${MAX_CARD_BYTES}`);
  for (const set of actionSets(card))
    if (set.length > MAX_ACTIONS) out.push(`actions: ${set.length} in one set > ${MAX_ACTIONS}`);
  return out;
};
