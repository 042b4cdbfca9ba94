/** Notices (direct messages from the outbox) and the audit's sentences. */
export const notices = {
  'notices.org.yours': 'your organization',
  'notices.seats.count': '{count, plural, one {# {plan} seat} other {# {plan} seats}}',
  'notices.invitation.declined': '{email} declined your invitation.',
  'notices.invitation.text':
    '{invitedBy} invites you to {org} as {role, select, admin {an admin} other {a member}}{withPlan, select, yes { with a {plan} seat} other {}}. The invitation lasts until {until}.',
  'notices.invitation.accept': 'Accept',
  'notices.invitation.decline': 'Decline',
  'notices.approval.text': '{requestedBy} asks for {seats} in {org}.',
  'notices.approval.charged_now': 'Charged now (prorated)',
  'notices.approval.recurring': 'New recurring total',
  'notices.approval.recurring_value':
    '{amount} {period, select, year {per year} month {per month} other {per billing period}}',
  'notices.approval.valid_until': 'Quote valid until',
  'notices.purchase.charged': 'Approved and paid: {seats} added to {org} ({amount}).',
  'notices.purchase.payment_failed': 'The payment for {seats} in {org} failed: {reason} No seats were added.',
  'notices.purchase.withdrawn': '{decidedBy} withdrew the request for {seats} in {org}.',
  'notices.purchase.rejected':
    '{decidedBy} rejected {seats} in {org}{withReason, select, yes {: {reason}} other {.}}',
  'notices.purchase.an_approver': 'An approver',
  'notices.purchase.status':
    'Your request for {seats} in {org} is {status, select, pending {pending} approved {approved} charged {charged} expired {expired} other {{status}}}.',
  'notices.seat_assigned.joined':
    '{email} joined {org} on {plan}.{noFreeSeat, select, yes { No free {wanted} seat was left: buy one with `add 1 {code}`.} other {}}',
  'notices.seat_assigned.yours':
    'You now have a {plan} seat in {org}{withBy, select, yes { (from {by})} other {}}.',
  'notices.seat_removed.removed':
    'Your {plan} seat in {org} was removed{withBy, select, yes { by {by}} other {}}. You are on Free now.',
  'notices.seat_removed.what_changes': 'What changes',
  'notices.seat_removed.not_renewed':
    'Your {plan} seat in {org} ended with the period and was not renewed. You are on Free now.',
  'notices.seat_removed.contract_moved':
    'Your {plan} seat in your organization was removed. You are on Free now.',
  'notices.offboarded.text':
    'You were offboarded from {org}. You can no longer sign in there; your data stays.',
  'notices.scim_offboarded.text':
    'Your identity provider offboarded {count, plural, one {# person} other {# people}} from {org}.',
  'notices.scim_offboarded.title': 'Offboarded',
  'notices.scim_offboarded.leaver': '{email}: {outcome}',
  'notices.seat_outcome.text':
    '{plan} seat {state, select, frozen {kept (contract frozen)} freed {freed} other {kept}}{renewing, select, no {, not renewing} other {}}',
  'notices.organization_deleted.text': '{org} was deleted. You are back on your own {plan} plan.',
  'notices.organization_cancelled.closed': '{org} has ended. You are back on your own {plan} plan.',
  'notices.organization_cancelled.cancelled':
    '{org} was cancelled. You keep access until {day}, then you return to your own plan.',
  'notices.workspace_linked.text':
    '{by} linked the {platform, select, teams {Teams tenant} other {Slack workspace}} {workspace} to {org}: its members can use Seatkeeper for {org} there. If that was not meant, type `org unlink` there.',
  'notices.workspace_unlinked.text':
    '{by} unlinked the {platform, select, teams {Teams tenant} other {Slack workspace}} {workspace} from {org}.',
  'notices.ownership_transferred.text': '{to} now owns {org} (handed over by {from}).',
  'notices.seat_ending.text': 'Your {plan} seat in {org} ends on {day}.',
  'notices.idle_offer.text':
    'You have not used your {plan} seat in {org} since {since}. Keep it, or give it back so someone else can use it? Without an answer by {until} it is freed and you move to Free.',
  'notices.idle_offer.keep': 'Keep my seat',
  'notices.idle_offer.give_back': 'Give it back',
  'notices.idle_offer.confirm_title': 'Give your seat back?',
  'notices.idle_offer.confirm_text':
    'You move to Free in {org} at once; an admin can give you a seat again later.',
  'notices.idle_offer.confirm_deny': 'Keep it',
  'notices.idle_reclaimed.text':
    'Your {plan} seat in {org} was freed: it was unused{withSince, select, yes { since {since}} other {}} and nobody answered within {days} days. You are on Free now; ask an admin if you need a seat again.',
  'notices.organization_ready.text':
    '{org} is active: your payment method is on file. Invite people with `invite <who>`.',
  'notices.billing_problem.text': 'Billing for {org} needs attention: {reason}',
  'notices.payment_received.text': 'Thank you: the {what} for {org} is paid ({amount}).',
  'notices.seats_suspended.text':
    'Your seat in {org} is suspended because a payment is overdue: you are on your own plan until it is paid. Nothing else changes.',
  'notices.seats_restored.text': 'The overdue payment for {org} is paid: your seat works again.',
  'notices.renewal.your_contract': 'Your contract',
  'notices.renewal.text': '{org} renews on {day}: the next charge is {amount}.',
  'notices.renewal.ending_line': '{seats}{withHolders, select, yes { (held by {holders})} other {}}',
  'notices.renewal.idle_line':
    '{email}: {plan}, unused since {since} ({days, plural, one {# day} other {# days}})',
  'notices.renewal.more': '… and {count} more',
  'notices.renewal.next_charge': 'Next charge',
  'notices.renewal.seats_ending': 'Seats ending',
  'notices.renewal.idle_seats': 'Idle seats',
  'notices.renewal.ending_title': 'Seats ending (auto-renew off)',
  'notices.renewal.idle_title': 'Idle for 28 days or more',
} as const;
