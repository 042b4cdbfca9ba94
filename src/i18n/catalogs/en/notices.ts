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
  'notices.approval.open_until': 'Open until',
  'notices.purchase.charged': 'Approved and paid: {seats} added to {org} ({amount}).',
  'notices.purchase.payment_failed': 'The payment for {seats} in {org} failed: {reason} No seats were added.',
  'notices.purchase.withdrawn': '{decidedBy} withdrew the request for {seats} in {org}.',
  'notices.purchase.rejected':
    '{decidedBy} rejected {seats} in {org}{withReason, select, yes {: {reason}} other {.}}',
  'notices.purchase.an_approver': 'An approver',
  'notices.purchase.charged_for':
    'Approved by {decidedBy} on behalf of {onBehalfOf} and paid: {seats} added to {org} ({amount}).',
  'notices.purchase.rejected_for':
    '{decidedBy} rejected {seats} in {org} on behalf of {onBehalfOf}{withReason, select, yes {: {reason}} other {.}}',
  'notices.purchase.expired':
    'Your request for {seats} in {org} expired before an approver answered, so nothing was charged. Ask again with `add {quantity} {code}`.',
  'notices.purchase.price_rose':
    'The price of {seats} in {org} went up since you asked, so nothing was charged. Ask again with `add {quantity} {code}` to see the new quote.',
  'notices.approval.for_approver': 'You decide this for {approver} while they are away.',
  'notices.approval_reminder.text':
    'Reminder: {requestedBy} asked for {seats} in {org} {hours, plural, one {# hour} other {# hours}} ago and nobody has answered yet.',
  'notices.approval_escalation.text':
    'Nobody has answered {requestedBy}’s request for {seats} in {org} for {hours, plural, one {# hour} other {# hours}}: the owner is told as well. It expires unanswered at the time below.',
  'notices.approval_updated.changed': 'Now {seats}: {given, plural, one {# was} other {# were}} given back.',
  'notices.approval_updated.covered':
    '{requestedBy}’s request for {seats} in {org} is covered by seats given back: nothing will be bought, and nothing is left to decide.',
  'notices.delegate_named.text':
    '{approver} named you to decide seat purchases in {org} for them until {day} (included). Requests that need approval come to you too; what you decide says “on behalf of {approver}”.',
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
  // the audit's sentences: one per kind of event, optional parts shown by `with…` selects
  'notices.audit.by_scim': 'The identity provider',
  'notices.audit.by_us': 'Seatkeeper',
  'notices.audit.someone': 'someone',
  'notices.audit.someone_first': 'Someone',
  'notices.audit.seats': 'seats',
  'notices.audit.seats_first': 'Seats',
  'notices.audit.auto_approve': 'The auto-approve policy',
  'notices.audit.a_seat': '{article, select, an {an} other {a}} {plan} seat',
  'notices.audit.role_words':
    '{role, select, owner {the owner} admin {an admin} member {a member} other {{article, select, an {an} other {a}} {role}}}{approver, select, yes { and approver} other {}}',
  'notices.audit.generic':
    '{by} made a change: {what}{withSubject, select, yes {, about {subject}} other {}}.',
  'notices.audit.account_created': '{who} got a Seatkeeper account.',
  'notices.audit.account_own_plan': 'own plan now {plan}{withWas, select, yes { (was {was})} other {}}',
  'notices.audit.account_new_field':
    'new {field, select, name {name} personalPlan {own plan} paymentMethod {payment method} other {{field}}}',
  'notices.audit.account_updated':
    "{who}'s account was updated{withParts, select, yes {: {parts}} other {}}.",
  'notices.audit.identity_verified': '{who} was confirmed as a {platform} user.',
  'notices.audit.invitation_created':
    '{by} invited {email} as {role}{withSeat, select, yes { with {seat}} other {}}{withUntil, select, yes {, until {until}} other {}}.',
  'notices.audit.invitation_accepted':
    '{by} accepted the invitation and joined as {role}{withSeat, select, yes { with {seat}} other {}}.',
  'notices.audit.invitation_declined': '{actor} declined the invitation.',
  'notices.audit.invitation_declined_unknown': 'An invitation was declined.',
  'notices.audit.invitation_expired': 'The invitation to {email} expired unanswered.',
  'notices.audit.invitation_expired_unknown': 'An invitation expired unanswered.',
  'notices.audit.invitation_revoked': '{by} withdrew the invitation to {email}.',
  'notices.audit.member_deprovisioned': '{by} deprovisioned {who}, who is offboarded.',
  'notices.audit.member_offboarded_seat_freed': 'their {plan} seat freed',
  'notices.audit.member_offboarded_former': 'marked former',
  'notices.audit.member_offboarded':
    '{by} offboarded {who}{withDetails, select, yes { ({details})} other {}}.',
  'notices.audit.member_provisioned':
    '{by} added {who} as {role}{withSeat, select, yes { with {seat}} other {}}.',
  'notices.audit.member_reactivated':
    '{by} brought {who} back{withSeat, select, yes { with {seat}} other {}}.',
  'notices.audit.member_role': '{by} made {who} {now}{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.member_scim_attributes':
    "{by} updated {who}'s profile{withName, select, yes {; display name {name}} other {}}.",
  'notices.audit.personal_plan_paused': "{who}'s own {plan} plan is paused while the organization pays.",
  'notices.audit.personal_plan_restored': "{who}'s own {plan} plan is back.",
  'notices.audit.personal_plan_upgraded':
    '{who} upgraded their own plan to {plan}{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.seat_assigned': '{by} gave {who} {seat}{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.seat_auto_assigned':
    '{who} got {seat} automatically{withFeature, select, yes { on first use of {feature}} other {}}.',
  'notices.audit.seat_auto_renew':
    "{by} turned {renew, select, yes {on} other {off}} renewal of {who}'s seat.",
  'notices.audit.seat_given_back': '{who} gave back their {withPlan, select, yes {{plan} } other {}}seat.',
  'notices.audit.seat_idle_kept': '{who} kept their unused {withPlan, select, yes {{plan} } other {}}seat.',
  'notices.audit.seat_idle_offer_void':
    "The offer to take back {who}'s unused seat was withdrawn{withReason, select, yes { ({reason})} other {}}.",
  'notices.audit.seat_idle_offered':
    '{who} was asked whether they still need their unused {withPlan, select, yes {{plan} } other {}}seat{withUntil, select, yes {, until {until}} other {}}.',
  'notices.audit.seat_idle_reclaimed':
    "{who}'s unused {withPlan, select, yes {{plan} } other {}}seat was taken back.",
  'notices.audit.seat_not_renewed':
    "{who}'s {withPlan, select, yes {{plan} } other {}}seat ended at the renewal (renewal was off).",
  'notices.audit.seat_released':
    "{who}'s {withPlan, select, yes {{plan} } other {}}seat was freed: its contract moved to another organization.",
  'notices.audit.seat_unassigned': '{by} moved {who} from {plan} to {free}.',
  'notices.audit.charge':
    '{kind, select, renewal {renewal charge} late_purchase {new-period charge for seats bought across the renewal} none {charge} other {{kindWords} charge}}{withAmount, select, yes { of {amount}} other {}}',
  'notices.audit.billing_charge_declined':
    'The {charge} was declined{withReason, select, yes {: {reason}} other {}}; {withNext, select, yes {next try {next}} other {no tries left}}.',
  'notices.audit.billing_drift_plan': '{plan} {ours} here, {billed} billed',
  'notices.audit.billing_drift':
    "The billing provider's seat count differs from ours{withPlans, select, yes {: {plans}} other {}}.",
  'notices.audit.billing_invoice_differs':
    "The billing provider's renewal invoice took {invoiced}, not the {charged} we recorded: no receipt was sent, check the invoice.",
  'notices.audit.billing_invoice_failed':
    'An invoice payment failed{withReason, select, yes {: {reason}} other {}}.',
  'notices.audit.billing_overdue_paid': 'The overdue {charge} was paid.',
  'notices.audit.billing_period_charged': 'The {charge} went through.',
  'notices.audit.billing_schedule_failed':
    'Updating the billing schedule failed{withReason, select, yes {: {reason}} other {}}.',
  'notices.audit.contract_connected':
    '{by} connected a contract{viaKey, select, yes { with its connection key} other {}}{released, plural, =0 {} one {; # seat left its previous organization} other {; # seats left its previous organization}}.',
  'notices.audit.contract_created':
    'A contract{withParts, select, yes { for {parts}} other {}} was created{withManager, select, yes {, managed by {manager}} other {}}.',
  'notices.audit.contract_disconnected': '{by} disconnected a contract; its plans are frozen.',
  'notices.audit.contract_key_issued':
    '{by} issued a contract connection key{withUntil, select, yes {, valid until {until}} other {}}.',
  'notices.audit.contract_renewal_reminder':
    'Renewal reminder sent to {recipients, plural, one {# person} other {# people}}{withRenews, select, yes {: renews {renews}} other {}}{withNext, select, yes {, next charge {next}} other {}}.',
  'notices.audit.contract_renewed':
    'The contract renewed{withUntil, select, yes { until {until}} other {}}{payment, select, paid {: {invoice} paid} unpaid {: {invoice} not paid yet{withReason, select, yes {: {reason}} other {}}} other {}}{ended, plural, =0 {} one {; # seat ended} other {; # seats ended}}.',
  'notices.audit.contract_restored':
    'The overdue payment came in: paid seats are back{withMembers, select, yes { for {members, plural, one {# member} other {# members}}} other {}}.',
  'notices.audit.contract_suspended':
    'Paid seats were suspended after the last payment try failed{withReason, select, yes {: {reason}} other {}}{withMembers, select, yes {; {members, plural, one {# member} other {# members}} back on their own plans} other {}}.',
  'notices.audit.purchase_approved':
    "{approver} approved {withRequester, select, yes {{who}'s request for } other {a request for }}{seats}.",
  'notices.audit.purchase_charged':
    '{seats} added{withPaid, select, yes {, {paid} charged} other {}}{late, select, yes { (the held payment went through)} other {}}.',
  'notices.audit.purchase_confirmed': '{by} confirmed their purchase of {seats}.',
  'notices.audit.purchase_expired': 'The request for {seats} expired undecided.',
  'notices.audit.purchase_late_period_billed':
    '{seats} bought across the renewal were billed for the new period too{withAmount, select, yes {: {amount}} other {}}.',
  'notices.audit.purchase_payment_expired':
    'The held payment for {seats} was given up{withReason, select, yes {: {reason}} other {}}; no seats were added.',
  'notices.audit.purchase_payment_failed':
    'The payment for {seats} failed{withReason, select, yes {: {reason}} other {}}; no seats were added.',
  'notices.audit.purchase_cancelled': '{by} cancelled their request for {seats}.',
  'notices.audit.purchase_rejected':
    "{by} rejected {withRequester, select, yes {{who}'s request for } other {a request for }}{seats}{withReason, select, yes {: “{reason}”} other {}}.",
  'notices.audit.purchase_requested':
    '{by} asked for {seats}{withNow, select, yes {, {now} now (prorated)} other {}}{needs, select, approval {, approval needed} confirmation {, confirmation needed} other {}}.',
  'notices.audit.organization_activated': 'The organization is active: its first payment went through.',
  'notices.audit.organization_billing_details_changed': '{by} updated the billing details.',
  'notices.audit.organization_cancellation_requested':
    '{by} cancelled the organization{withUntil, select, yes {; access lasts until {until}} other {}}.',
  'notices.audit.organization_cancellation_undone':
    '{by} undid the cancellation; the organization carries on.',
  'notices.audit.organization_closed':
    'The organization closed at the end of its paid time{withMembers, select, yes {; {members, plural, one {# member} other {# members}} back on their own plans} other {}}.',
  'notices.audit.organization_created':
    '{by} created the organization{withName, select, yes { {name}} other {}}{period, select, month {, billed monthly} year {, billed yearly} other {}}.',
  'notices.audit.organization_deleted':
    '{by} deleted the organization{withMembers, select, yes {; {members, plural, one {# member} other {# members}} back on their own plans} other {}}.',
  'notices.audit.organization_edition_changed':
    '{by} changed the edition to {edition}{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.organization_link_code_issued':
    '{by} made a code to link another workspace or tenant{withUntil, select, yes {, valid until {until}} other {}}.',
  'notices.audit.organization_module_added': '{by} added the {modules} module.',
  'notices.audit.organization_module_removed': '{by} removed the {modules} module.',
  'notices.audit.offboarding_default':
    '{what, select, freeSeat {free the seat} stopAutoRenew {stop renewing} other {mark former}} {on, select, yes {on} other {off}}',
  'notices.audit.organization_offboarding_defaults': '{by} set what offboarding does by default: {parts}.',
  'notices.audit.organization_owner': '{by} handed ownership to {owner}.',
  'notices.audit.organization_payment_failed':
    "The organization's first payment failed{withReason, select, yes {: {reason}} other {}}.",
  'notices.audit.settings_auto_assign': 'auto-assign {on, select, yes {on} other {off}}',
  'notices.audit.settings_auto_approve':
    '{withBelow, select, yes {auto-approve below {below}} other {auto-approve off}}',
  'notices.audit.settings_idle_reclaim': 'taking back unused seats {on, select, yes {on} other {off}}',
  'notices.audit.organization_settings': '{by} turned {parts}.',
  'notices.audit.organization_workspace_linked':
    '{by} linked {platform, select, slack {a Slack workspace} teams {a Teams tenant} other {a workspace}}.',
  'notices.audit.organization_workspace_unlinked':
    '{by} unlinked {platform, select, slack {a Slack workspace} teams {a Teams tenant} other {a workspace}}.',
  'notices.audit.scim_token_issued': '{by} connected an identity provider (SCIM token issued).',
  'notices.audit.scim_token_revoked': "{by} turned SCIM off; the identity provider's token no longer works.",
  'notices.audit.scim_token_rotated': '{by} replaced the SCIM token; the old one no longer works.',
} as const;
