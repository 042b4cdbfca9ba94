import { describe, expect, it } from 'vitest';
import {
  delegationEnd,
  isTimingCoherent,
  lastDelegatedDay,
  nudgeDue,
  DEFAULT_APPROVAL_TIMING as T,
  timingOf,
} from '../../src/domain/approval-timing.ts';

const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3600 * 1000);
const asked = { requestedAt: at(0), remindedAt: null, escalatedAt: null };

describe('nudges for a purchase nobody answered', () => {
  // a request stays open a week: by default the reminder comes at 24 h and the escalation at 72 h
  it('nothing before 24 h, a reminder from 24 h, the escalation from 72 h', () => {
    expect(T).toEqual({ remindAfterHours: 24, escalateAfterHours: 72 });
    expect(nudgeDue(asked, at(23.99), T)).toBeNull();
    expect(nudgeDue(asked, at(24), T)).toBe('remind');
    expect(nudgeDue({ ...asked, remindedAt: at(24) }, at(71.99), T)).toBeNull();
    expect(nudgeDue({ ...asked, remindedAt: at(24) }, at(72), T)).toBe('escalate');
  });

  it('each once; a job that ran late escalates without a reminder first', () => {
    expect(nudgeDue({ ...asked, remindedAt: at(24), escalatedAt: at(72) }, at(200), T)).toBeNull();
    expect(nudgeDue(asked, at(73), T)).toBe('escalate');
  });

  it('an organization without its own timings has the defaults', () => {
    expect(timingOf({})).toEqual(T);
    expect(timingOf({ approvalRemindHours: null, approvalEscalateHours: null })).toEqual(T);
    expect(timingOf({ approvalRemindHours: 2, approvalEscalateHours: 6 })).toEqual({
      remindAfterHours: 2,
      escalateAfterHours: 6,
    });
  });

  it('timings must be whole hours, the escalation after the reminder and a day before the request closes', () => {
    expect(isTimingCoherent(T)).toBe(true);
    // a request closes after 7 days (168 h): the owner has the last day
    expect(isTimingCoherent({ remindAfterHours: 4, escalateAfterHours: 144 })).toBe(true);
    expect(isTimingCoherent({ remindAfterHours: 4, escalateAfterHours: 145 })).toBe(false);
    expect(isTimingCoherent({ remindAfterHours: 12, escalateAfterHours: 12 })).toBe(false);
    expect(isTimingCoherent({ remindAfterHours: 0, escalateAfterHours: 2 })).toBe(false);
    expect(isTimingCoherent({ remindAfterHours: 1.5, escalateAfterHours: 3 })).toBe(false);
  });
});

describe('a delegation named until a day', () => {
  it('ends at the start of the next day (UTC) and reads back as that day', () => {
    expect(delegationEnd('2026-12-24').toISOString()).toBe('2026-12-25T00:00:00.000Z');
    expect(lastDelegatedDay(delegationEnd('2026-12-31'))).toBe('2026-12-31');
  });
});
