import { REQUEST_TTL_MS } from './quote.ts';

/**
 * When a purchase nobody has answered nudges someone: the approvers after `remindAfterHours`,
 * the owner as well after `escalateAfterHours` (organization settings). Each nudge goes once;
 * a late run of the job sends only the latest one that is due, never a reminder after the
 * escalation it was overtaken by.
 */
export interface ApprovalTiming {
  remindAfterHours: number;
  escalateAfterHours: number;
}

/** A request nobody answered reminds the approvers after a day, and goes to the owner after three. */
export const DEFAULT_APPROVAL_TIMING: ApprovalTiming = { remindAfterHours: 24, escalateAfterHours: 72 };

/**
 * The latest hour an escalation may come: a day before a request closes (REQUEST_TTL_MS), so the
 * owner has a day to answer it.
 */
export const MAX_ESCALATE_HOURS = REQUEST_TTL_MS / 3_600_000 - 24;

/** An organization's timings: its own where set (both or neither), else the defaults. */
export const timingOf = (o: {
  approvalRemindHours?: number | null;
  approvalEscalateHours?: number | null;
}): ApprovalTiming =>
  o.approvalRemindHours && o.approvalEscalateHours
    ? { remindAfterHours: o.approvalRemindHours, escalateAfterHours: o.approvalEscalateHours }
    : DEFAULT_APPROVAL_TIMING;

export type Nudge = 'remind' | 'escalate';

export interface NudgeState {
  requestedAt: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

const HOUR_MS = 3600 * 1000;

export const nudgeDue = (r: NudgeState, now: Date, t: ApprovalTiming): Nudge | null => {
  const waited = now.getTime() - r.requestedAt.getTime();
  if (r.escalatedAt) return null;
  if (waited >= t.escalateAfterHours * HOUR_MS) return 'escalate';
  if (!r.remindedAt && waited >= t.remindAfterHours * HOUR_MS) return 'remind';
  return null;
};

/**
 * A reminder after the escalation would nudge nobody new: the escalation comes later, and
 * before the quote expires (else it never comes).
 */
export const isTimingCoherent = (t: ApprovalTiming): boolean =>
  Number.isInteger(t.remindAfterHours) &&
  Number.isInteger(t.escalateAfterHours) &&
  t.remindAfterHours >= 1 &&
  t.escalateAfterHours > t.remindAfterHours &&
  t.escalateAfterHours <= MAX_ESCALATE_HOURS;

const DAY_MS = 86_400_000;

/** The instant a delegation named "until <day>" ends: the start of the next day (UTC). */
export const delegationEnd = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

/** The last day a delegation ending at `until` covers, as it was named (`2026-12-24`). */
export const lastDelegatedDay = (until: Date): string =>
  new Date(until.getTime() - DAY_MS).toISOString().slice(0, 10);
