import { describe, expect, it } from 'vitest';
import {
  delegationActive,
  isTimingCoherent,
  mayStandIn,
  nudgeDue,
  DEFAULT_APPROVAL_TIMING as T,
} from '../../src/domain/approval-timing.ts';

const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3600 * 1000);
const asked = { requestedAt: at(0), remindedAt: null, escalatedAt: null };

describe('nudges for a purchase nobody answered', () => {
  it('nothing before 24 h, a reminder from 24 h, the escalation from 72 h', () => {
    expect(nudgeDue(asked, at(23.99), T)).toBeNull();
    expect(nudgeDue(asked, at(24), T)).toBe('remind');
    expect(nudgeDue({ ...asked, remindedAt: at(24) }, at(71), T)).toBeNull();
    expect(nudgeDue({ ...asked, remindedAt: at(24) }, at(72), T)).toBe('escalate');
  });

  it('each once; a job that ran late escalates without a reminder first', () => {
    expect(nudgeDue({ ...asked, remindedAt: at(24), escalatedAt: at(72) }, at(200), T)).toBeNull();
    expect(nudgeDue(asked, at(80), T)).toBe('escalate');
  });

  it('timings must be whole hours, the escalation after the reminder', () => {
    expect(isTimingCoherent(T)).toBe(true);
    expect(isTimingCoherent({ remindAfterHours: 48, escalateAfterHours: 48 })).toBe(false);
    expect(isTimingCoherent({ remindAfterHours: 0, escalateAfterHours: 2 })).toBe(false);
    expect(isTimingCoherent({ remindAfterHours: 1.5, escalateAfterHours: 3 })).toBe(false);
  });
});

describe('a delegate while an approver is away', () => {
  const d = { approverId: 'a', delegateId: 'b', until: at(48) };
  it('stands in until the end instant, not after it', () => {
    expect(delegationActive(d, at(47.99))).toBe(true);
    expect(delegationActive(d, at(48))).toBe(false);
    expect(delegationActive(null, at(1))).toBe(false);
  });
  it('never decides a purchase the delegate asked for', () => {
    expect(mayStandIn(d, at(1), 'c')).toBe(true);
    expect(mayStandIn(d, at(1), 'b')).toBe(false);
    expect(mayStandIn(d, at(49), 'c')).toBe(false);
  });
});
