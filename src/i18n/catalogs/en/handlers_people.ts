/** Messages of one area of the code; keys start with the area's name. */
export const handlers_people = {
  'handlers_people.invite.as_role': 'After "as" say admin or member: `{usage}`.',
  'handlers_people.invite.bad_email': '"{typed}" is not a valid email address: `{usage}`.',
  'handlers_people.invite.not_who': '"{typed}" is not a mention or an email: `{usage}`.',
  'handlers_people.invite.nobody': 'Name at least one person: `{usage}`.',
  'handlers_people.invite.too_many': 'Invite at most {max} people at once.',
  'handlers_people.invite.done':
    'Invited {count, plural, one {# person} other {# people}} as {count, plural, one {{role, select, admin {an admin} other {a member}}} other {{role, select, admin {admins} other {members}}}}{withPlan, select, yes { with a {plan} seat} other {}}: {emails}. They get a message to accept; the invitation lasts {days, plural, one {# day} other {# days}}.',
  'handlers_people.invite.nobody_new': 'Nobody new to invite.',
  'handlers_people.invite.short':
    '{free, plural, =0 {No {plan} seat is free} one {Only # {plan} seat is free} other {Only # {plan} seats are free}} right now: {all, select, yes {they join} other {{short, plural, one {# person will join} other {# people will join}}}} on Free unless seats free up. Buy {short, plural, one {one} other {more}} with `add {shortText} {code}`.',
  'handlers_people.invite.former_approver':
    '{email} was a billing approver before leaving and comes back without that right: once they have joined, the owner can give it back with {role, select, admin {} other {`role {email} admin`, then }}`role {email} approver`.',
  'handlers_people.invite.note_title': 'Note',
  'handlers_people.invite.skipped_title': 'Skipped',
  'handlers_people.invite.skipped':
    '{email}: {reason, select, member {already a member} invited {already invited} other {{text}}}',
  'handlers_people.members.no_former':
    '{org} has no former members. Leavers offboarded with "mark as former" are listed here; `members` shows everyone else.',
  'handlers_people.members.line':
    '{email} — {role, select, owner {owner} admin {admin} member {member} other {{role}}}{approver, select, yes { (approver)} other {}}, {plan}{renewing, select, no { (not renewing)} other {}}{offboarded, select, yes {, offboarded} other {}}{former, select, yes {, former} other {}}',
  'handlers_people.members.title': '{former, select, yes {Former members} other {Members}} {count}',
  'handlers_people.members.invited_title': 'Invited ({count})',
  'handlers_people.members.invitation':
    '{email} — {role, select, admin {admin} member {member} other {{role}}}{withPlan, select, yes {, {plan}} other {}}, until {until}',
  'handlers_people.members.more': 'and {more} more',
  'handlers_people.members.summary':
    '{org} has {former, select, yes {{total, plural, one {{totalText} former member} other {{totalText} former members}}} other {{active, plural, one {{activeText} active member} other {{activeText} active members}}{offboarded, plural, =0 {} other { and {offboardedText} offboarded}}}}.{paged, select, yes { Page {page} of {pages}.} other {}}',
  'handlers_people.billing.details':
    'Billing details of {org}: {company}, {email}, {country}{withVat, select, yes {, VAT {vat}} other {}}.',
  'handlers_people.billing.none': '{org} has no billing details yet.',
  'handlers_people.billing.title': 'Billing details',
  'handlers_people.billing.save': 'Save',
  'handlers_people.billing.company': 'Company',
  'handlers_people.billing.email': 'Billing email',
  'handlers_people.billing.country': 'Country (two letters, e.g. NL)',
  'handlers_people.billing.vat': 'VAT id',
  'handlers_people.billing.vat_hint': 'e.g. NL123456789B01',
  'handlers_people.billing.address': 'Address',
  'handlers_people.contract.key': 'Paste the connection key the contract manager shared: `{usage}`.',
  'handlers_people.contract.done':
    'The contract is connected to {org}: its plans can now be assigned (see `status`).',
  'handlers_people.audit.limit': 'The limit must be between 1 and {max}.',
  'handlers_people.audit.last':
    'The last {total, plural, one {change} other {{totalText} changes}}{withWho, select, yes { about {who}} other {}}{paged, select, yes {, page {page} of {pages}} other {}}:',
  'handlers_people.audit.none': 'No changes recorded yet.',
  'handlers_people.audit.title': 'Audit{paged, select, yes { {range}} other {}}',
} as const;
