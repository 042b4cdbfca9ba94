/** Refusals of the use cases (src/service/): what happened, then what to do next. */
export const errors_service = {
  'errors_service.common.nothing_to_do': 'Nothing to do.',
  'errors_service.common.no_such_contract': 'There is no contract with that id.',
  'errors_service.common.check_contract_id': 'Check the contract id.',
  'errors_service.common.contract_ended': 'Contract {contract} has ended.',
  'errors_service.common.no_payment_method': 'There is no payment method on file for you.',
  'errors_service.common.offboarded': '{email} was offboarded.',

  'errors_service.idle_offer.not_found': 'There is no such seat offer for you.',
  'errors_service.idle_offer.not_found_next': 'Check your latest messages from Seatkeeper.',
  'errors_service.idle_offer.kept': 'You already chose to keep your {plan} seat in {org}.',
  'errors_service.idle_offer.given_back': 'You already gave back your {plan} seat in {org}.',
  'errors_service.idle_offer.reclaimed':
    'Your {plan} seat in {org} was already freed: nobody answered within 7 days.',
  'errors_service.idle_offer.void':
    'This offer about your {plan} seat in {org} no longer applies (the seat was used again or changed).',
  'errors_service.idle_offer.ask_admin': 'Ask an admin for a seat if you need one again.',
  'errors_service.idle_offer.not_holder': 'You no longer hold that {plan} seat in {org}.',
  'errors_service.idle_offer.frozen':
    'That seat belongs to a contract that is disconnected, so its plans cannot change.',
  'errors_service.idle_offer.frozen_next': 'Ask an admin to reconnect the contract first.',

  'errors_service.invitation.closed':
    'This invitation is {state, select, accepted {accepted} declined {declined} revoked {revoked} expired {expired} other {{state}}}.',
  'errors_service.invitation.invite_again': 'Ask an admin to invite you again.',
  'errors_service.invitation.not_found_for_you': 'There is no such invitation for you.',
  'errors_service.invitation.not_found_for_you_next': 'Ask the person who invited you to send it again.',
  'errors_service.invitation.already_member': 'You are already a member of {org}.',
  'errors_service.invitation.already_member_next': 'Nothing to do; decline the invitation to close it.',
  'errors_service.invitation.not_found': 'There is no such invitation.',
  'errors_service.invitation.not_found_next': 'See pending invitations with `members`.',
  'errors_service.invitation.already_closed':
    'This invitation is already {state, select, accepted {accepted} declined {declined} revoked {revoked} expired {expired} other {{state}}}.',

  'errors_service.purchase.not_found': 'There is no such purchase request.',
  'errors_service.purchase.not_found_next': 'See open requests with `requests`.',
  'errors_service.purchase.cancelling':
    '{org} is cancelled at the end of the period, so it buys no more seats.',
  'errors_service.purchase.cancelling_next':
    'Undo the cancellation with `cancel undo` first, or reject the request.',
  'errors_service.billing.not_rolled': 'The renewal this invoice pays is not recorded yet.',
  'errors_service.billing.not_rolled_next':
    'Nothing to do: it is applied when the billing provider sends it again.',
  'errors_service.purchase.charging': 'Another purchase for this organization is being charged right now.',
  'errors_service.purchase.charging_next':
    'This one is approved and is charged right after it, within minutes; nothing is charged twice.',

  'errors_service.purchase.repriced_meanwhile':
    'Seats of this plan were bought while you approved, so this request’s price changed.',
  'errors_service.purchase.repriced_meanwhile_next':
    'Press Approve again to charge the new price; nothing was charged.',
  'errors_service.cancel.already': '{org} is already cancelled; access lasts until {until}.',
  'errors_service.cancel.already_next': 'Changed your mind? `cancel undo` keeps the organization.',
  'errors_service.cancel.not_cancelled': '{org} is not cancelled, so there is nothing to undo.',
  'errors_service.cancel.not_cancelled_next': 'To cancel the organization, use `cancel`.',
  'errors_service.cancel.final': "{org}'s paid time ended; the cancellation is final.",
  'errors_service.cancel.final_next': 'Create a new organization with `org create <name>`.',

  'errors_service.chat_access.no_email':
    "I can't see your email address in {platform}, so I can't tell which account is yours.",
  'errors_service.chat_access.no_email_slack':
    'Ask a workspace admin to show email addresses to apps, then try again.',
  'errors_service.chat_access.no_email_teams':
    'Ask your Teams admin to give your account an email address, then try again.',
  'errors_service.chat_access.unconfirmed':
    "Your email address in {platform} is not confirmed, so I can't tell which account is yours.",
  'errors_service.chat_access.unconfirmed_next': 'Confirm your email in {platform}, then try again.',
  'errors_service.chat_access.outside':
    "There is no such request, invitation, member or organization in this workspace's organization.",
  'errors_service.chat_access.outside_next': 'Run the command again here to see what there is.',

  'errors_service.contract.key_invalid': 'That connection key is unknown or has expired.',
  'errors_service.contract.key_invalid_next':
    'Ask the contract manager for a new key (`contract key`) and try again.',
  'errors_service.contract.key_malformed':
    'That is not a connection key: keys look like ck_ followed by 32 letters and digits.',
  'errors_service.contract.key_malformed_next':
    'Copy the whole key the contract manager shared and try again.',
  'errors_service.contract.not_manager':
    'You do not manage that contract, so you cannot connect it directly.',
  'errors_service.contract.ask_for_key':
    'Ask the contract manager for its connection key and run `contract connect <key>`.',
  'errors_service.contract.own_contract':
    "That is an organization's own contract; it cannot be connected to another organization.",
  'errors_service.contract.own_contract_next': 'Connect a contract bought outside chat instead.',
  'errors_service.contract.ended_next': 'Ask the contract manager about renewing it.',
  'errors_service.contract.connected_here': 'Contract {contract} is already connected to {org}.',
  'errors_service.contract.connected_here_next': '`status` shows its seats.',
  'errors_service.contract.connected_elsewhere': 'That contract is connected to another organization.',
  'errors_service.contract.connected_elsewhere_next':
    'Ask an admin there to run `contract disconnect` first, then connect it here.',
  'errors_service.contract.not_in_org': '{org} has no contract with that id.',
  'errors_service.contract.not_in_org_next': '`status` lists the contracts of the organization.',
  'errors_service.contract.own_not_disconnectable':
    "That is {org}'s own contract; it cannot be disconnected.",
  'errors_service.contract.own_not_disconnectable_next':
    'To stop paying for the organization, the owner uses `cancel`.',
  'errors_service.contract.already_disconnected': 'Contract {contract} is already disconnected from {org}.',
  'errors_service.contract.already_disconnected_next':
    'Connect it again with `contract connect` if you need its seats.',
  'errors_service.contract.key_manager_only': 'Only the contract manager can issue its connection key.',
  'errors_service.contract.key_manager_only_next': 'Ask the contract manager for the key.',
  'errors_service.contract.own_has_no_key':
    "An organization's own contract cannot be connected to another organization.",
  'errors_service.contract.own_has_no_key_next': 'Only contracts bought outside chat have a connection key.',
  'errors_service.contract.ended_no_key': 'Only active contracts connect.',
  'errors_service.contract.connected_no_key': 'Contract {contract} is already connected to an organization.',
  'errors_service.contract.connected_no_key_next':
    'Disconnect it there first with `contract disconnect`, then issue a key.',

  'errors_service.external_contract.future_start': 'Invalid input: startsAt "{starts}" is in the future.',
  'errors_service.external_contract.future_start_next':
    'Create the contract on or after its start date, or leave startsAt out to start now.',
  'errors_service.external_contract.plan_twice': 'Invalid input: plan "{plan}" is listed twice.',
  'errors_service.external_contract.plan_twice_next': 'List each plan once with its total quantity.',
  'errors_service.external_contract.no_plan': 'There is no plan called "{plan}".',
  'errors_service.external_contract.no_plan_next': 'Plans: {plans}.',
  'errors_service.external_contract.free_plan': 'Invalid input: the free plan has no seats to sell.',
  'errors_service.external_contract.free_plan_next': 'Choose a paid plan: {plans}.',
  'errors_service.external_contract.currencies':
    'Invalid input: the plans are priced in different currencies ({currencies}).',
  'errors_service.external_contract.currencies_next':
    'Put plans of one currency in a contract; make one contract per currency.',
  'errors_service.external_contract.key_reused':
    'That Idempotency-Key was already used for a different contract.',
  'errors_service.external_contract.key_reused_next':
    'Send a new key for a new contract, or resend the original request unchanged.',

  'errors_service.org.needs_business':
    'You are on the {plan} plan; creating an organization needs the business plan.',
  'errors_service.org.needs_business_next':
    'Upgrade to Business first (`upgrade`), then create the organization.',
  'errors_service.org.no_payment_method_next': 'Add a business card or other payment method, then try again.',
  'errors_service.org.workspace_taken':
    'This workspace is linked to another organization already, and a workspace serves one organization.',
  'errors_service.org.workspace_taken_next':
    'Create the new organization from a workspace or tenant that is not linked yet.',
  'errors_service.org.first_invoice_failed': 'The first invoice for {org} failed: {reason}',
  'errors_service.org.first_invoice_failed_next':
    'Update your payment method, then run `org create {org}` again to retry it.',
  'errors_service.org.delete_wrong_name': '"{typed}" is not the organization\'s name.',
  'errors_service.org.delete_wrong_name_next': 'Type {org} exactly to confirm.',

  'errors_service.link.invalid': 'That link code is not valid.',
  'errors_service.link.invalid_next':
    'Check it, or ask an owner or admin for a new one with `org link` in a linked workspace.',
  'errors_service.link.used': 'That link code was used already.',
  'errors_service.link.expired': 'That link code expired (codes last 24 hours).',
  'errors_service.link.ask_new': 'Ask an owner or admin for a new one with `org link` in a linked workspace.',
  'errors_service.link.already_here': 'This workspace is linked to {org} already.',
  'errors_service.link.already_here_next': 'Nothing to do: run any command here.',
  'errors_service.link.linked_elsewhere': 'This workspace is linked to another organization.',
  'errors_service.link.linked_elsewhere_next': 'Its owner can unlink it with `org unlink` first.',
  'errors_service.link.just_linked': 'This workspace was linked just now.',
  'errors_service.link.just_linked_next': 'Run `status` to see to what.',
  'errors_service.link.not_linked': 'This workspace is not linked to {org}.',
  'errors_service.link.not_linked_next': 'Nothing to unlink here.',
  'errors_service.link.last':
    'This is the last workspace linked to {org}, so it stays linked while the organization runs.',
  'errors_service.link.last_next':
    'Link another workspace first with `org link`, or delete the organization with `org delete`.',

  'errors_service.offboard.no_organization': 'That organization does not exist.',
  'errors_service.offboard.no_organization_next': 'Check the organization id.',
  'errors_service.offboard.owner': '{email} owns {org} and cannot be offboarded.',
  'errors_service.offboard.owner_next': 'Move ownership first with `owner <who>`.',
  'errors_service.offboard.self': "You can't offboard yourself ({email}).",
  'errors_service.offboard.self_next':
    'Remove yourself from the list; the owner or another admin can offboard you.',
  'errors_service.offboard.already': '{email} is already offboarded.',
  'errors_service.offboard.already_next': 'Remove them from the list and try again.',

  'errors_service.scim.user_exists': 'A user with userName {user} already exists in {org}.',
  'errors_service.scim.user_exists_next':
    'Look the user up with filter=userName eq "…" and update it instead.',
  'errors_service.scim.no_user': 'There is no user {id}.',
  'errors_service.scim.no_user_next': 'List the users to find its id.',
  'errors_service.scim.username_fixed': "userName cannot change ({email}): it is the account's email.",
  'errors_service.scim.username_fixed_next': 'Deprovision this user and provision one with the new userName.',
  'errors_service.scim.no_token': '{org} has no SCIM token.',
  'errors_service.scim.no_token_next': 'Nothing to do; `scim token` makes one.',

  'errors_service.usage.no_account': 'There is no account {email}.',
  'errors_service.usage.no_account_next': 'Create it with PUT /api/v1/accounts/:email first.',

  'errors_service.request.cancelling': '{org} is cancelled at the end of the period.',
  'errors_service.request.cancelling_next': 'Undo the cancellation with `cancel undo` first.',
  'errors_service.request.pending': '{org} is waiting for its payment method, so it buys no seats yet.',
  'errors_service.request.pending_next':
    'Finish adding the payment method (the link from `org create`), then ask again.',
  'errors_service.request.free_plan': '{plan} is free and needs no seats.',
  'errors_service.request.free_plan_next': 'Ask for a paid plan, e.g. `add 1 pro`.',
  'errors_service.request.suspended': "{org}'s seats are suspended because a payment is overdue.",
  'errors_service.request.suspended_next':
    'Update the payment method; the overdue payment is collected within the hour and the seats come back.',
  'errors_service.request.renewing': 'The billing period has just ended and is being renewed.',
  'errors_service.request.renewing_next': 'Ask again in a few minutes.',

  'errors_service.edition.unknown': 'There is no edition called "{edition}".',
  'errors_service.edition.already': '{org} is already on the {edition} edition.',
  'errors_service.edition.list': 'Editions: {editions}.',
  'errors_service.module.unknown': 'There is no module called "{module}".',
  'errors_service.module.list': 'Modules: {modules}.',
  'errors_service.module.already_on': '{module} is already on for {org}.',
  'errors_service.module.already_on_next': 'Remove it with `module remove {code}`.',
  'errors_service.module.not_on': '{module} is not on for {org}, so there is nothing to remove.',
  'errors_service.module.not_on_next': 'Add it with `module add {code}`.',

  'errors_service.role.invite_again': 'Invite them again first.',
  'errors_service.role.owner': '{email} is the owner.',
  'errors_service.role.owner_next': 'Move ownership with `owner <who>` first.',
  'errors_service.role.approver': '{email} is a billing approver: only the owner can take that away.',
  'errors_service.role.not_admin': '{email} is not an admin.',
  'errors_service.role.not_admin_next': 'Make them admin first: `role {email} admin`.',
  'errors_service.role.same': '{email} already has that role.',
  'errors_service.owner.already': 'You already own it.',
  'errors_service.owner.pick_active': 'Pick an active member.',

  'errors_service.seat.none': '{email} has no seat.',
  'errors_service.seat.none_next': 'Assign one with `assign`.',
  'errors_service.seat.auto_renew_same':
    'Auto-renew is already {state, select, on {on} other {off}} for {email}.',
  'errors_service.seat.already_free': '{email} is already on the Free plan.',

  'errors_service.settings.same': 'That is already the setting.',

  'errors_service.upgrade.same': 'You are already on the {plan} plan.',
  'errors_service.upgrade.same_business_next': 'Go ahead: `org create <name>`.',
  'errors_service.upgrade.above': 'You are on the {current} plan, above {plan}.',
  'errors_service.upgrade.above_next': 'Nothing to upgrade; change plans in the product itself.',
  'errors_service.upgrade.no_payment_method_next': 'Add a card or other payment method, then upgrade.',
  'errors_service.upgrade.payment_failed': 'The payment for the {plan} plan failed: {reason}',
  'errors_service.upgrade.payment_failed_next': 'Update your payment method and try again.',
  'errors_service.contract.none_to_connect': 'You manage no contract waiting to be connected.',
  'errors_service.contract.none_to_connect_next':
    'Ask the contract manager for its connection key and run `contract connect <key>`.',
  'errors_service.contract.none_to_disconnect': '{org} has no connected contract to disconnect.',
  'errors_service.contract.none_to_disconnect_next':
    'To stop paying for the organization itself, the owner uses `cancel`.',
  'errors_service.contract.none_for_key':
    'You manage no contract that is waiting to be connected to an organization.',
  'errors_service.contract.none_for_key_next':
    'Contracts bought outside chat appear here once created; `status` shows the connected ones.',
  'errors_service.contract.several_unconnected':
    'You manage several contracts that are not connected; say which one: {ids}.',
  'errors_service.contract.several_connected': '{org} has several connected contracts; say which one: {ids}.',
} as const;
