/** Approvals that never stall: delegates while an approver is away. */
export const approvals = {
  'approvals.delegate.self': 'You cannot be your own delegate.',
  'approvals.delegate.self_next': 'Name another member: `delegate ana@example.com until 2026-12-24`.',
  'approvals.delegate.not_member': '{email} is not an active member of {org}.',
  'approvals.delegate.not_member_next': 'Name an active member, or invite them first with `invite {email}`.',
  'approvals.delegate.past': '{day} has already passed.',
  'approvals.delegate.past_next': 'Give today or a later day as the last day your delegate decides.',
  'approvals.delegate.too_far': 'A delegation lasts at most {max} days; {day} is further away.',
  'approvals.delegate.too_far_next': 'Give a day within {max} days; you can name your delegate again later.',
  'approvals.audit.delegated': '{by} named {delegate} to decide purchases for them until {day}.',
  'approvals.audit.delegation_ended': '{by} ended the delegation to {delegate}.',
} as const;
