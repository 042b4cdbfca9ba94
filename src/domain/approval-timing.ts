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

export const DEFAULT_APPROVAL_TIMING: ApprovalTiming = { remindAfterHours: 24, escalateAfterHours: 72 };

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

/** A reminder after the escalation would nudge nobody new: the escalation comes later. */
export const isTimingCoherent = (t: ApprovalTiming): boolean =>
  Number.isInteger(t.remindAfterHours) &&
  Number.isInteger(t.escalateAfterHours) &&
  t.remindAfterHours >= 1 &&
  t.escalateAfterHours > t.remindAfterHours;

/**
 * A delegate stands in for an approver through the last day named (`until`, the exclusive end
 * instant computed by the caller in the organization's zone), and never for their own request.
 */
export interface Delegation {
  approverId: string;
  delegateId: string;
  until: Date;
}

export const delegationActive = (d: Delegation | null, now: Date): boolean =>
  d !== null && now.getTime() < d.until.getTime();

/** May the delegate decide this request on the approver's behalf? Not one they asked for. */
export const mayStandIn = (d: Delegation | null, now: Date, requestedById: string): boolean =>
  delegationActive(d, now) && d!.delegateId !== requestedById;
