import type { Button, Reply } from '../../src/commands/reply.ts';
import { subjectOf } from '../../src/commands/subject.ts';
import { english, type Words } from '../../src/i18n/words.ts';
import { markdown } from './markdown.ts';

export { plain } from './markdown.ts';

/** An Adaptive Card as plain JSON (schema 1.4: the version Teams renders Action.Execute from). */
export type Card = Record<string, unknown> & { body: Record<string, unknown>[]; actions?: unknown[] };

const MARK: Record<Reply['tone'], string> = { ok: '✓ ', info: '', error: '✗ ' };

/** A TextBlock of text already made literal (`markdown`); the card's own marks go around it. */
const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: t,
  wrap: true,
  ...extra,
});

const MAX_ACTIONS = 5;
const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

const STYLE = { primary: 'positive', danger: 'destructive' } as const;

/**
 * The key a card is stored under: the subject its buttons are about (`purchase:…`, …). A button
 * carries it only so a cancelled confirmation can show the presser's own stored card again;
 * which copies a decision settles comes from the core's reply, not from this.
 */
export const payloadKey = (payload: Button['payload']): string | undefined => subjectOf(payload) ?? undefined;

/**
 * A button: destructive ones ask first (verb `ask` answers with a confirmation card). Its title is
 * plain text in Teams, so it is not escaped.
 */
export const buttonAction = (b: Button, cardKey?: string) => ({
  type: 'Action.Execute',
  title: b.label,
  verb: b.confirm ? 'ask' : 'run',
  ...(b.style ? { style: STYLE[b.style] } : {}),
  data: {
    action: b.action,
    payload: b.payload,
    ...(cardKey ? { cardKey } : {}),
    ...(b.confirm ? { confirm: b.confirm } : {}),
  },
});

export interface CardOptions {
  /** the stored card this is, so buttons and refreshes can find it again */
  cardKey?: string;
  /** these AAD ids get the card refreshed (Universal Actions), with its buttons, when they view it */
  refreshFor?: string[];
  /** the card as everyone else sees it: without buttons (the refresh brings them) */
  hideButtons?: boolean;
  /** a command whose form opens as a dialog (task/fetch) from a button */
  dialogCommand?: string;
  /** the reader's words for the card's own text; unset: English */
  w?: Words;
}

/** A neutral Reply as an Adaptive Card: headline, facts, sections, field errors, buttons. */
export const renderCard = (r: Reply, opts: CardOptions = {}): Card => {
  const body: Record<string, unknown>[] = [
    text(`${MARK[r.tone]}${markdown(r.text)}`, {
      ...(r.tone === 'error' ? { color: 'attention' } : {}),
      ...(r.tone === 'ok' ? { weight: 'bolder' } : {}),
    }),
  ];
  if (r.fields?.length)
    body.push({
      type: 'FactSet',
      facts: r.fields.map((f) => ({ title: markdown(f.label), value: markdown(f.value) })),
    });
  for (const s of r.sections ?? []) {
    body.push(text(markdown(s.title), { weight: 'bolder', spacing: 'medium' }));
    // the `- ` list is ours; each line is escaped on its own, so its start is a line start
    body.push(text(s.lines.map((l) => `- ${markdown(l)}`).join('\n')));
  }
  for (const [field, message] of Object.entries(r.fieldErrors ?? {}))
    body.push(text(markdown(`${field}: ${message}`), { color: 'attention' }));
  const actions: unknown[] = opts.hideButtons
    ? []
    : (r.buttons ?? []).map((b) => buttonAction(b, opts.cardKey ?? payloadKey(b.payload)));
  if (r.form && r.tone !== 'error' && opts.dialogCommand) {
    actions.push({
      type: 'Action.Submit',
      title: `${r.form.title}…`,
      data: { msteams: { type: 'task/fetch' }, verb: 'dialog', command: opts.dialogCommand },
    });
  }
  // Teams shows at most 5 actions in a set: more go into action sets of 5 in the body
  const sets = actions.length > MAX_ACTIONS ? chunks(actions, MAX_ACTIONS) : [];
  for (const set of sets) body.push({ type: 'ActionSet', actions: set });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length && !sets.length ? { actions } : {}),
    ...(opts.refreshFor && opts.cardKey
      ? {
          refresh: {
            action: {
              type: 'Action.Execute',
              title: (opts.w ?? english).t('adapters.teams.card.refresh'),
              verb: 'refresh',
              data: { cardKey: opts.cardKey },
            },
            userIds: opts.refreshFor,
          },
        }
      : {}),
  };
};

/** A card after its decision: what it said, what happened, and no buttons any more. */
export const decidedReply = (old: Reply, outcome: Reply, by: string, w: Words = english): Reply => ({
  ...old,
  buttons: [],
  sections: [
    ...(old.sections ?? []),
    { title: w.t('adapters.teams.card.decided_by', { by }), lines: [outcome.text] },
  ],
});
