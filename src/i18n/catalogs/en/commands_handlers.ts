/** Messages of one area of the code; keys start with the area's name. */
export const commands_handlers = {
  // help: each command's summary, as `help` lists it
  'commands_handlers.summary.delegate':
    'While you are away, name who decides purchases for you until a day; `delegate off` ends it.',
  'commands_handlers.summary.approvals':
    'When a purchase nobody answered reminds the approvers and goes to the owner (owners and admins).',
  'commands_handlers.summary.add': 'Ask for more seats: shows the prorated quote, then goes for approval.',
  'commands_handlers.summary.assign': 'Give a member a free seat of a plan.',
  'commands_handlers.summary.audit': 'The latest changes: who did what, and when, in your time zone.',
  'commands_handlers.summary.audit_export':
    'Every change and charge from one day to another (UTC, both included) as a CSV file, for auditors (admins).',
  'commands_handlers.summary.autoassign':
    'Give a free seat automatically when a member first uses a paid feature.',
  'commands_handlers.summary.billing': 'See and edit billing details (owner).',
  'commands_handlers.summary.cancel_undo': 'Take the cancellation back before it takes effect (owner).',
  'commands_handlers.summary.cancel': 'Cancel: access stays until the paid-through date (owner).',
  'commands_handlers.summary.contract_connect':
    'Connect a contract to this organization with its connection key.',
  'commands_handlers.summary.contract_disconnect': 'Disconnect the connected contract (its plans freeze).',
  'commands_handlers.summary.contract_key':
    'Contract managers: show the key that connects your contract to an organization.',
  'commands_handlers.summary.edition': 'Change the edition: standard or plus (owner).',
  'commands_handlers.summary.help': 'List the commands, or explain one.',
  'commands_handlers.summary.invite': 'Invite people by mention or email; they get Accept / Decline.',
  'commands_handlers.summary.language':
    'Choose the language I write to you in; admins set the organization default.',
  'commands_handlers.summary.members':
    'Who is in the organization, with role and plan; pending invitations. `--former`: the former members.',
  'commands_handlers.summary.module': 'Add or remove an add-on module (owner).',
  'commands_handlers.summary.offboard': 'Offboard leavers; with no names it opens the offboarding form.',
  'commands_handlers.summary.org_create':
    'Create an organization that pays for its members (needs the business plan).',
  'commands_handlers.summary.org_delete':
    'Delete the organization; everyone returns to their own plan (owner).',
  'commands_handlers.summary.org_link':
    'Link another Slack workspace or Teams tenant: `org link` here gives a one-time code, `org link <code>` there uses it (admins).',
  'commands_handlers.summary.org_unlink':
    'Unlink this workspace or tenant from the organization (owner; not the last one).',
  'commands_handlers.summary.owner': 'Hand ownership to another member (owner).',
  'commands_handlers.summary.plans': 'The plans you can buy seats of, with prices and features.',
  'commands_handlers.summary.renew':
    "Turn a seat's auto-renew on or off (off: usable until period end, then not billed).",
  'commands_handlers.summary.requests': 'Seat purchase requests and their state.',
  'commands_handlers.summary.role': 'Change a role, or mark an admin as billing approver (owner).',
  'commands_handlers.summary.scim_defaults':
    "What the identity provider's offboarding does to a leaver: free the seat, stop its auto-renew, mark former (all on until changed; admins).",
  'commands_handlers.summary.scim_off':
    'Revoke the SCIM token: the identity provider can no longer provision or offboard (admins).',
  'commands_handlers.summary.scim_token':
    'Connect an identity provider (Okta, Entra ID): the SCIM base URL and a bearer token, shown once; again: a new token (admins).',
  'commands_handlers.summary.status':
    'Seats per plan: purchased, assigned, free, ending, renewal date (members: your own plan).',
  'commands_handlers.summary.unassign': 'Move a member to free; shows what stops working first.',
  'commands_handlers.summary.upgrade':
    'Upgrade your own plan to Business (needed to create an organization).',

  // help
  'commands_handlers.help.title': 'Seatkeeper commands (type `help <command>` for one):',
  'commands_handlers.help.section': 'Commands',
  'commands_handlers.help.line': '`{syntax}` — {summary}',
  'commands_handlers.help.unknown':
    'There is no command "{topic}".{near, select, none {} other { Did you mean `{near}`?}} Type `help` for the list.',
  'commands_handlers.help.example': 'Example',
  'commands_handlers.help.see_also': 'See also',

  // status
  'commands_handlers.status.plan_line':
    '{plan}: {purchased, number} purchased, {assigned, number} assigned, {free, number} free, {ending, number} ending — renews {day}{external, select, yes { (connected contract)} other {}}{frozen, select, yes { — frozen (disconnected)} other {}}',
  'commands_handlers.status.cancelled': 'Cancelled: access until {day}.',
  'commands_handlers.status.headline':
    '{organization}: {assigned, number} of {purchased, number} seats assigned, {free, number} free.',
  'commands_handlers.status.section': 'Seats per plan',
  'commands_handlers.status.no_seats': 'No seats yet. Buy some with `add <n> <plan>`.',
  'commands_handlers.status.autoassign': 'Auto-assign',
  'commands_handlers.status.on_off': '{on, select, yes {on} other {off}}',
  'commands_handlers.status.cancellation': 'Cancellation',
  'commands_handlers.status.undelivered': 'Undelivered messages',
  'commands_handlers.status.undelivered_value':
    "{count, number} could not be delivered; check the chat app's access",
  'commands_handlers.status.member':
    'You are {role, select, admin {an admin} other {a member}} of {organization} on the {plan} plan. Need more seats? Ask with `add <n> <plan>`.',
  'commands_handlers.status.your_organization': 'your organization',

  // add: the purchase form and the quote
  'commands_handlers.add.form_title': 'Buy seats',
  'commands_handlers.add.form_submit': 'Get a quote',
  'commands_handlers.add.form_plan': 'Plan',
  'commands_handlers.add.form_quantity': 'Number of seats',
  'commands_handlers.add.charged_now': 'Charged now (prorated)',
  'commands_handlers.add.recurring': 'New recurring total',
  'commands_handlers.add.recurring_value':
    '{amount} {period, select, year {per year} month {per month} other {per billing period}}',
  'commands_handlers.add.valid_until': 'Quote valid until',
  'commands_handlers.add.open_until': 'Open for approval until',
  'commands_handlers.add.what': '{count, plural, one {# {plan} seat} other {# {plan} seats}}',
  'commands_handlers.add.charged': "Approved under your organization's policy and paid: {what} added.",
  'commands_handlers.add.payment_failed': 'Approved under policy, but the payment failed: {reason}',
  'commands_handlers.add.confirm': 'Buy {what}?',
  'commands_handlers.add.held': 'Before your request for {what} goes to the approvers:',
  'commands_handlers.add.routed':
    "Your request for {what} went to {approvers, plural, one {# approver} other {# approvers}}. You'll hear when it is decided.",

  // buttons under a quote or a pending request
  'commands_handlers.buttons.approve': '{what, select, none {Approve} other {Approve {what}}}',
  'commands_handlers.buttons.reject': '{what, select, none {Reject} other {Reject {what}}}',
  'commands_handlers.buttons.reject_title': 'Reject this request?',
  'commands_handlers.buttons.reject_text': 'The requester will be told.',
  'commands_handlers.buttons.reject_confirm': 'Reject',
  'commands_handlers.buttons.reject_deny': 'Keep it',
  'commands_handlers.buttons.confirm': '{what, select, none {Confirm purchase} other {Confirm {what}}}',
  'commands_handlers.buttons.cancel': '{what, select, none {Cancel} other {Cancel {what}}}',

  // offboard: the form
  'commands_handlers.offboard.form_title': 'Offboard leavers',
  'commands_handlers.offboard.form_submit': 'Offboard',
  'commands_handlers.offboard.leavers': 'Leavers',
  'commands_handlers.offboard.free_seat': 'Free their seat for someone else',
  'commands_handlers.offboard.stop_auto_renew':
    'Stop auto-renew of their seat (usable until the period ends, then not billed)',
  'commands_handlers.offboard.mark_former': 'Mark as former (hidden from lists)',
  'commands_handlers.offboard.named': 'Offboard {names}? Check the options and submit.',
  'commands_handlers.offboard.pick': 'Pick the leavers and what happens to their seats.',
  'commands_handlers.plans.title':
    'Plans (price per seat; more than {seats, number} seats of a plan get volume discounts):',
  'commands_handlers.plans.section': 'Plans',
  'commands_handlers.plans.line': '{name} (`{code}`): {monthly}/month or {yearly}/year — {features}',
  'commands_handlers.requests.none': 'No seat purchase requests yet. Ask for seats with `add <n> <plan>`.',
  'commands_handlers.requests.pending':
    '{status}, {open, select, yes {open until} other {quote valid until}} {when}',
  'commands_handlers.requests.decided': '{status}{by, select, none {} other { by {by}}}',
  'commands_handlers.requests.line':
    '{count, plural, one {# {plan} seat} other {# {plan} seats}} for {amount} — asked by {mine, select, yes {you} other {{requester}}} on {when}, {state}',
  'commands_handlers.requests.title':
    '{total, number} seat purchase requests{paged, select, yes {, page {page, number} of {pages, number}} other {}}:',
  'commands_handlers.requests.section': '{paged, select, yes {Requests {range}} other {Requests}}',
  'commands_handlers.assign.done':
    '{member} now has a {plan} seat{was, select, none {} other { (was {was})}}.',
  'commands_handlers.unassign.nothing': 'Nothing they use today stops working.',
  'commands_handlers.unassign.question': 'Move {member} from {from} to Free?',
  'commands_handlers.unassign.section': 'What changes',
  'commands_handlers.unassign.button': 'Move to Free',
  'commands_handlers.unassign.confirm_title': 'Remove the plan?',
  'commands_handlers.unassign.confirm_deny': 'Cancel',
  'commands_handlers.renew.on': "{member}'s {plan} seat renews on {day}.",
  'commands_handlers.renew.off':
    "{member}'s {plan} seat stays usable until {day}, then it is not renewed or billed.",
  'commands_handlers.cancel.question':
    'Cancel your subscription? Everyone keeps access until the paid-through date, then members return to their own plans. You can undo it until then with `cancel undo`.',
  'commands_handlers.cancel.button': 'Cancel subscription',
  'commands_handlers.cancel.confirm_title': 'Cancel the subscription?',
  'commands_handlers.cancel.confirm_text': 'Access stays until the paid-through date.',
  'commands_handlers.cancel.confirm': 'Cancel it',
  'commands_handlers.cancel.deny': 'Keep it',
  'commands_handlers.cancel_undo.done': 'The cancellation is undone: the subscription renews as before.',
  'commands_handlers.autoassign.on':
    'Auto-assign is on: a member who first uses a paid feature gets a free seat of the cheapest plan that has it.',
  'commands_handlers.autoassign.off': 'Auto-assign is off: seats are given with `assign`.',
  'commands_handlers.owner.done': '{owner} now owns {organization}. You stay on as an admin and approver.',
  'commands_handlers.upgrade.done':
    'You are on the Business plan now ({amount} a month, charged to you). Create your organization with `org create <name>`.',
  'commands_handlers.edition.done': 'The edition is now {edition}.',
  'commands_handlers.module.done':
    '{op, select, add {The {module} module is added.} other {The {module} module is removed.}}',
  'commands_handlers.contract_disconnect.done':
    'The contract is disconnected from {organization}. Its seats stay as they are, but plans can no longer change.',
  'commands_handlers.scim_off.done':
    'The SCIM token of {organization} is revoked: the identity provider can no longer provision or offboard. Members stay as they are; `scim token` connects it again.',
  'commands_handlers.org_delete.question':
    'Delete {organization}? Every member returns to their own plan and its seats end. This cannot be undone.',
  'commands_handlers.org_delete.form_title': 'Delete {organization}',
  'commands_handlers.org_delete.form_submit': 'Delete organization',
  'commands_handlers.org_delete.confirm_name': 'Type {organization} to confirm',
  'commands_handlers.role.done':
    '{member} {role, select, approver {is now a billing approver} not_approver {is no longer a billing approver} admin {is now an admin} other {is now a member}}.',
  'commands_handlers.contract_key.key': 'Connection key: `{key}`',
  'commands_handlers.contract_key.valid_until': 'Valid until',
  'commands_handlers.contract_key.next': 'Next',
  'commands_handlers.contract_key.next_value':
    'Share it with the organization admin; they type `contract connect <key>`. It works once.',
  'commands_handlers.add.seats_whole':
    'The number of seats must be a whole number from 1 to {max, number}: `{usage}`.',
  'commands_handlers.add.form_for': 'For (optional: whose the seats become)',
  'commands_handlers.add.for': 'For',
  'commands_handlers.add.for_nobody': 'Name the people after `for`, by mention or email: `{usage}`.',
  'commands_handlers.add.seats_range': 'The number of seats must be from 1 to {max, number}.',
  'commands_handlers.offboard.not_who': '"{typed}" is not a mention or an email: `{usage}`.',
} as const;
