/** Messages of one area of the code; keys start with the area's name. */
export const commands_core = {
  // parsing a typed command (the syntax in backticks stays as typed in every language)
  'commands_core.grammar.group': 'Say what to do with the {group}: {commands}.',
  'commands_core.grammar.unknown': 'Unknown command "{word}". Type `help` for the list.',
  'commands_core.grammar.unknown_did_you_mean':
    'Unknown command "{word}". Did you mean `{suggestion}`? Type `help` for the list.',
  'commands_core.grammar.unreadable': 'That command could not be read. Type `help` for the list.',
  'commands_core.args.on_off': 'Say on or off: `{usage}`.',
  'commands_core.args.who': 'Name a person by mention or email: `{usage}`.',
  'commands_core.args.plan': 'Name a plan: `{usage}` (see `plans`).',
  'commands_core.args.page': 'The page must be a number from 1: `{usage}`.',
  'commands_core.args.unexpected': 'Unexpected "{word}": `{usage}`.',

  // running commands, buttons and forms
  'commands_core.dispatch.unstorable':
    'That text contains a control character (such as NUL) or broken text, which cannot be stored. Type it again without it.',
  'commands_core.dispatch.stale':
    'That {kind, select, form {form} other {button}} is no longer valid. Run the command again.',
  'commands_core.errors.upgrade_button': 'Upgrade to Business',
  'commands_core.errors.form_next': 'Open the form again and submit it once more.',

  // who and where the reader is
  'commands_core.context.no_email_named': "I can't see an email address for @{label}.",
  'commands_core.context.no_email': "I can't see an email address for that person.",
  'commands_core.context.no_email_next': 'Use their email address instead.',
  'commands_core.context.not_linked':
    'This {platform, select, teams {Teams tenant} other {workspace}} is not linked to an organization.',
  'commands_core.context.not_linked_next':
    'An owner or admin can link it with `org link` from a linked workspace, or create one here with `org create <name>`.',
  'commands_core.context.not_member':
    'You are not a member of the organization this {platform, select, teams {Teams tenant} other {workspace}} is linked to.',
  'commands_core.context.not_member_next': 'Ask one of its owners or admins to invite you.',
  'commands_core.context.no_organization': 'You are not in an organization yet.',
  'commands_core.context.no_organization_next':
    'Create one with `org create <name>`, or ask an admin to invite you.',

  'commands_core.plan.per_period':
    '{period, select, year {per year} month {per month} other {per billing period}}',
  'commands_core.paging.range': '{from}–{to} of {total}',
  'commands_core.paging.previous': '◀ Page {page}',
  'commands_core.paging.next': 'Page {page} of {pages} ▶',

  // button and form replies
  'commands_core.invitation.accepted':
    'Welcome to {organization}! {outcome, select, seat {You have a {plan} seat} no_free_seat {No seat of the planned plan was free, so you start on Free; your admin is told} other {You are on the Free plan until an admin gives you a seat}}. Your own plan is paused while the organization pays.',
  'commands_core.invitation.declined': 'You declined the invitation. Nothing changes for you.',
  'commands_core.purchase.seats':
    '{count, plural, one {{count, number, ::group-off} {plan} seat} other {{count, number, ::group-off} {plan} seats}}',
  'commands_core.purchase.expired':
    'The quote for {seats} expired, so nothing was charged. Ask again with `add {quantity} {code}`.',
  'commands_core.purchase.price_rose':
    'The price of {seats} went up since it was asked, so nothing was charged. The requester was told to ask again.',
  'commands_core.purchase.already_decided':
    'Already decided: {seats} {status, select, unconfirmed {not confirmed yet} withdrawn {cancelled} pending {waiting for an approver} approved {approved, charging} charged {approved and paid} payment_failed {approved, but the payment failed} rejected {rejected} covered {covered by seats given back} other {expired}} by {decider}. Nothing changed.',
  'commands_core.purchase.payment_failed':
    'Approved, but the payment failed: {reason} No seats were added; update the payment method and ask again.',
  'commands_core.purchase.approved': 'Approved: {seats} added, {amount} charged. The requester is told.',
  'commands_core.purchase.cancelled': 'Cancelled: nothing bought, nothing charged.',
  'commands_core.purchase.rejected': 'Rejected: {seats}. The requester is told.',
  'commands_core.purchase.approved_for':
    'Approved on behalf of {approver}: {seats} added, {amount} charged. The requester is told.',
  'commands_core.purchase.rejected_for': 'Rejected on behalf of {approver}: {seats}. The requester is told.',
  'commands_core.purchase_form.quantity': 'The number of seats must be a whole number from 1 to {max}.',
  'commands_core.purchase_form.quantity_field': 'Enter 1 to {max}.',
  'commands_core.purchase_form.plan': 'Pick a plan.',
  'commands_core.billing.saved': 'Billing details saved.',
  'commands_core.idle.gave_back':
    'You gave back your {plan} seat in {organization}. You are on Free there now; ask an admin if you need a seat again.',
  'commands_core.idle.kept': 'You keep your {plan} seat in {organization}. Thanks for telling us.',
  'commands_core.offboard.done':
    'Offboarded {count, plural, one {{count, number, ::group-off} person} other {{count, number, ::group-off} people}}. Their data stays.',
  'commands_core.offboard.title': 'Offboarded',
  'commands_core.offboard.signed_out': 'can no longer sign in',
  'commands_core.offboard.signed_out_seat': 'can no longer sign in; {outcome}',
  'commands_core.offboard.person': '{email}: {outcome}',
  'commands_core.offboard.group':
    '{count, plural, one {{count, number, ::group-off} person} other {{count, number, ::group-off} people}} {outcome}: {names}',
  'commands_core.offboard.group_more':
    '{count, plural, one {{count, number, ::group-off} person} other {{count, number, ::group-off} people}} {outcome}: {names} and {more, number, ::group-off} more',
  'commands_core.org.cancelled':
    'Cancelled. Everyone keeps access until {day}; `cancel undo` takes it back until then.',
  'commands_core.org.deleted':
    '{organization} is deleted. {count, plural, one {{count, number, ::group-off} member} other {{count, number, ::group-off} members}} went back to their own plans.',
  'commands_core.unassign.done': '{email} is on Free now; their {plan} seat is free for someone else.',
} as const;
