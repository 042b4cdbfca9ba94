import type { Button } from '../reply.ts';

/** Approve / Reject for a pending request; Reject asks first. */
export const decisionButtons = (requestId: string, what?: string): Button[] => [
  {
    label: what ? `Approve ${what}` : 'Approve',
    action: 'purchase.approve',
    payload: { requestId },
    style: 'primary',
  },
  {
    label: what ? `Reject ${what}` : 'Reject',
    action: 'purchase.reject',
    payload: { requestId },
    style: 'danger',
    confirm: {
      title: 'Reject this request?',
      text: 'The requester will be told.',
      confirm: 'Reject',
      deny: 'Keep it',
    },
  },
];

/** Confirm / Cancel for the requester's own quote (an approver buying needs no one else). */
export const confirmButtons = (requestId: string, what?: string): Button[] => [
  {
    label: what ? `Confirm ${what}` : 'Confirm purchase',
    action: 'purchase.approve',
    payload: { requestId },
    style: 'primary',
  },
  { label: what ? `Cancel ${what}` : 'Cancel', action: 'purchase.reject', payload: { requestId } },
];
