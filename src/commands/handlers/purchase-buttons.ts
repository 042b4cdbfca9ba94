import type { Words } from '../../i18n/words.ts';
import type { Button } from '../reply.ts';

/** Approve / Reject for a pending request; Reject asks first. */
export const decisionButtons = (requestId: string, what: string | undefined, w: Words): Button[] => [
  {
    label: w.t('commands_handlers.buttons.approve', { what: what ?? 'none' }),
    action: 'purchase.approve',
    payload: { requestId },
    style: 'primary',
  },
  {
    label: w.t('commands_handlers.buttons.reject', { what: what ?? 'none' }),
    action: 'purchase.reject',
    payload: { requestId },
    style: 'danger',
    confirm: {
      title: w.t('commands_handlers.buttons.reject_title'),
      text: w.t('commands_handlers.buttons.reject_text'),
      confirm: w.t('commands_handlers.buttons.reject_confirm'),
      deny: w.t('commands_handlers.buttons.reject_deny'),
    },
  },
];

/** Confirm / Cancel for the requester's own quote (an approver buying needs no one else). */
export const confirmButtons = (requestId: string, what: string | undefined, w: Words): Button[] => [
  {
    label: w.t('commands_handlers.buttons.confirm', { what: what ?? 'none' }),
    action: 'purchase.approve',
    payload: { requestId },
    style: 'primary',
  },
  {
    label: w.t('commands_handlers.buttons.cancel', { what: what ?? 'none' }),
    action: 'purchase.reject',
    payload: { requestId },
  },
];
