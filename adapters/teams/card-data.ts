import { z } from 'zod';

/**
 * What our Action.Execute buttons and dialogs carry back, checked with zod before use. `verb`
 * routes it (teams-ai matches on it); `cardKey` names the posted card it came from, if stored.
 */
const payload = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const confirmSchema = z.object({
  title: z.string(),
  text: z.string(),
  confirm: z.string(),
  deny: z.string(),
});

export const runData = z.object({
  action: z.string().min(1),
  payload: payload.default({}),
  cardKey: z.string().optional(),
});

export const askData = runData.extend({ confirm: confirmSchema });

export const keyData = z.object({ cardKey: z.string().optional() });

/** The dialog's data: the command that builds its form, and the action its submit runs. */
export const dialogOpenData = z.object({ command: z.string().min(1).max(500) });

export const dialogSubmitData = z.looseObject({
  command: z.string().min(1).max(500),
  action: z.string().min(1),
  payload: payload.default({}),
});

/** Keys of a dialog submission that are ours, not form values. */
export const OWN_KEYS = new Set(['verb', 'command', 'action', 'payload', 'msteams', 'cardKey']);
