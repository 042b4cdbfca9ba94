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
  'approvals.delegate.usage': 'Say who and until which day: {usage}',
  'approvals.delegate.named':
    '{delegate} decides purchases in {org} for you until {day} (included), and is told so. End it sooner with `delegate off`.',
  'approvals.delegate.ended': '{delegate} no longer decides purchases for you.',
  'approvals.delegate.none': 'Nobody decides purchases for you: there was no delegation to end.',
  'approvals.timing.usage': 'Give both timings in whole hours: {usage}',
  'approvals.timing.set':
    'A purchase nobody answers reminds the approvers after {remind, plural, one {# hour} other {# hours}} and goes to the owner as well after {escalate, plural, one {# hour} other {# hours}}{defaults, select, yes { (the defaults)} other {}}.',
  'approvals.timing.incoherent':
    'A reminder after {remind} h and an escalation after {escalate} h do not fit: the reminder comes first, from 1 h, and the escalation by {max} h, before the quote expires.',
  'approvals.timing.incoherent_next': 'For example: `approvals remind 8 escalate {max}`.',
  'approvals.audit.delegated': '{by} named {delegate} to decide purchases for them until {day}.',
  'approvals.audit.delegation_ended': '{by} ended the delegation to {delegate}.',
  'approvals.audit.on_behalf': '{decider} on behalf of {approver}',
  'approvals.audit.reminded':
    'The approvers were reminded of {withRequester, select, yes {{who}’s request} other {the request}} for {seats}, unanswered after {hours, plural, one {# hour} other {# hours}}.',
  'approvals.audit.escalated':
    '{withRequester, select, yes {{who}’s request} other {The request}} for {seats} went to the owner, unanswered after {hours, plural, one {# hour} other {# hours}}.',
  'approvals.audit.repriced':
    'The request for {seats} was priced again when approved, for the days then left: {withWas, select, yes {{was} → } other {}}{now}.',
  'approvals.audit.expired_price_rose':
    'The request for {seats} expired when approved: its price had gone up since it was asked.',
  'approvals.audit.routed':
    '{by} sent the request for {seats} to the approvers {why, select, asked_back {after asking for unused seats back} other {without waiting for unused seats}}.',
  'approvals.audit.shrunk':
    '{given, plural, one {A seat} other {# seats}} came back for the request{withPlan, select, yes { of {plan} seats} other {}} ({how, select, leaver {its holder left} given_back {given back} reclaimed {reclaimed unused} other {freed}}): it asks for {left} now.',
  'approvals.reuse.facts':
    '{count, plural, one {# {plan} seat is} other {# {plan} seats are}} not in use (idle for over 28 days, or held by someone who left): {names}{more, select, yes { and {others} more} other {}}.',
  'approvals.reuse.facts_next':
    'Ask them to give back before buying: each seat given back is one fewer to buy.',
  'approvals.reuse.buy_anyway': 'Buy anyway',
  'approvals.reuse.already_sent': 'Your request for {what} is with the approvers already.',
  'approvals.reuse.sent_with_ask':
    'It went to {approvers, plural, =0 {the approvers} one {# approver} other {# approvers}} for what is left.',
  'approvals.reuse.ask': 'Ask them to give back',
  'approvals.reuse.asked':
    '{asked, plural, =0 {} one {Asked # person to give back their {plan} seat.} other {Asked # people to give back their {plan} seat.}}{freed, plural, =0 {} one { # seat held by someone who left is free now.} other { # seats held by people who left are free now.}} {covered, select, seated {Your request is covered: nothing will be bought.} yes {Your request is covered: nothing will be bought. Give the free seats with `assign <who> {code}`.} other {Your request is for {seats} now; each seat given back makes it one fewer.}}',
  'approvals.reuse.none': 'Nobody holds a {plan} seat they could give back right now.',
  'approvals.reuse.none_next': 'Your request stays as it is; an approver can still approve it.',
  'approvals.reuse.not_pending': 'That request is already decided.',
  'approvals.reuse.not_pending_next': 'See it with `requests`.',
  'approvals.reuse.shrunk_notice':
    '{given, plural, one {A {plan} seat was} other {# {plan} seats were}} given back in {org} for your request: free now, give it with `assign <who> {code}`. {covered, select, yes {Your request is covered: nothing will be bought.} other {Your request is for {seats} now.}}',
  'approvals.for.too_many': 'You named {people} people for {quantity, plural, one {# seat} other {# seats}}.',
  'approvals.for.too_many_next': 'Ask for {people} seats, or name fewer people.',
  'approvals.for.not_admin': 'Only admins can ask for seats for other people.',
  'approvals.for.not_admin_next': 'Ask for seats without naming anyone, or ask an admin to ask for them.',
  'approvals.for.not_member': '{email} is not an active member of {org}.',
  'approvals.for.not_member_next': 'Invite them first (`invite {email}`), or leave them out.',
  'approvals.for.has_seat': '{email} already has a {plan} seat.',
  'approvals.for.has_seat_next': 'Leave {email} out and ask for one seat fewer.',
  'approvals.for.names': '{names}{more, select, yes { and {others} more} other {}}',
  'approvals.for.line': 'For {names}{more, select, yes { and {others} more} other {}}.',
  'approvals.for.seated':
    '{count, plural, one {{names} has a {plan} seat now.} other {{names} have a {plan} seat now.}}',
  'approvals.reuse.shrunk_notice_seated':
    '{given, plural, one {A {plan} seat was} other {# {plan} seats were}} given back in {org} for your request and went to the people you asked for: {names}. {covered, select, yes {Your request is covered: nothing will be bought.} other {Your request is for {seats} now.}}',
  'approvals.audit.settings_timing': 'approval reminders after {remind} h and escalation after {escalate} h',
  'approvals.audit.settings_timing_default': 'approval reminders back to the default timings',
} as const;
