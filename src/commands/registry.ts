import { acceptInvitationAction } from './actions/accept-invitation.ts';
import { approvePurchaseAction } from './actions/approve-purchase.ts';
import { askGiveBackAction } from './actions/ask-give-back.ts';
import { billingSubmitAction } from './actions/billing-submit.ts';
import { declineInvitationAction } from './actions/decline-invitation.ts';
import { idleGiveBackAction } from './actions/idle-give-back.ts';
import { idleKeepAction } from './actions/idle-keep.ts';
import { listPageAction } from './actions/list-page.ts';
import { offboardSubmitAction } from './actions/offboard-submit.ts';
import { orgCancelConfirmAction } from './actions/org-cancel-confirm.ts';
import { orgDeleteConfirmAction } from './actions/org-delete-confirm.ts';
import { personalUpgradeAction } from './actions/personal-upgrade.ts';
import { purchaseFormAction } from './actions/purchase-form.ts';
import { rejectPurchaseAction } from './actions/reject-purchase.ts';
import { sendToApproversAction } from './actions/send-to-approvers.ts';
import { unassignConfirmAction } from './actions/unassign-confirm.ts';
import type { ActionTable, Handler } from './handler.ts';
import { addSpec } from './handlers/add.ts';
import { approvalsSpec } from './handlers/approvals-settings.ts';
import { assignSpec } from './handlers/assign.ts';
import { auditSpec } from './handlers/audit.ts';
import { auditExportSpec } from './handlers/audit-export.ts';
import { autoassignSpec } from './handlers/autoassign.ts';
import { billingSpec } from './handlers/billing.ts';
import { cancelSpec } from './handlers/cancel.ts';
import { cancelUndoSpec } from './handlers/cancel-undo.ts';
import { contractConnectSpec } from './handlers/contract-connect.ts';
import { contractDisconnectSpec } from './handlers/contract-disconnect.ts';
import { contractKeySpec } from './handlers/contract-key.ts';
import { delegateSpec } from './handlers/delegate.ts';
import { editionSpec } from './handlers/edition.ts';
import { helpSpec } from './handlers/help.ts';
import { inviteSpec } from './handlers/invite.ts';
import { languageSpec } from './handlers/language.ts';
import { membersSpec } from './handlers/members.ts';
import { moduleSpec } from './handlers/module.ts';
import { offboardSpec } from './handlers/offboard.ts';
import { orgCreateSpec } from './handlers/org-create.ts';
import { orgDeleteSpec } from './handlers/org-delete.ts';
import { orgLinkSpec } from './handlers/org-link.ts';
import { orgUnlinkSpec } from './handlers/org-unlink.ts';
import { ownerSpec } from './handlers/owner.ts';
import { plansSpec } from './handlers/plans.ts';
import { renewSpec } from './handlers/renew.ts';
import { requestsSpec } from './handlers/requests.ts';
import { roleSpec } from './handlers/role.ts';
import { scimDefaultsSpec } from './handlers/scim-defaults.ts';
import { scimOffSpec } from './handlers/scim-off.ts';
import { scimTokenSpec } from './handlers/scim-token.ts';
import { statusSpec } from './handlers/status.ts';
import { unassignSpec } from './handlers/unassign.ts';
import { upgradeSpec } from './handlers/upgrade.ts';
import type { CommandInfo, CommandOf } from './spec.ts';

// a function with a declared type, so the list can hand itself to `help` without a type cycle
const listed = (): readonly CommandInfo[] => SPECS;

/**
 * Wiring only: every command of the chat grammar, one spec each (handlers/<command>.ts holds its
 * name, syntax, summary, example, parser and handler). This order is the order `help` lists.
 */
export const SPECS = [
  helpSpec(listed),
  statusSpec,
  plansSpec,
  membersSpec,
  auditSpec,
  auditExportSpec,
  requestsSpec,
  inviteSpec,
  assignSpec,
  unassignSpec,
  autoassignSpec,
  addSpec,
  delegateSpec,
  approvalsSpec,
  offboardSpec,
  renewSpec,
  roleSpec,
  contractKeySpec,
  contractConnectSpec,
  contractDisconnectSpec,
  orgCreateSpec,
  orgDeleteSpec,
  orgLinkSpec,
  orgUnlinkSpec,
  scimTokenSpec,
  scimOffSpec,
  scimDefaultsSpec,
  ownerSpec,
  editionSpec,
  moduleSpec,
  billingSpec,
  cancelSpec,
  cancelUndoSpec,
  languageSpec,
  upgradeSpec,
] as const;

/** Every command of the chat grammar, typed: what the specs parse to. */
export type Command = CommandOf<(typeof SPECS)[number]>;
export type CommandName = Command['name'];

/** Each command's handler by name. */
export const COMMANDS = Object.fromEntries(SPECS.map((s) => [s.name, s.run])) as {
  readonly [N in CommandName]: Handler<N>;
};

/** Wiring only: each button or form to its handler. */
export const ACTIONS: ActionTable = {
  'invitation.accept': acceptInvitationAction,
  'invitation.decline': declineInvitationAction,
  'purchase.approve': approvePurchaseAction,
  'purchase.reject': rejectPurchaseAction,
  'purchase.ask_give_back': askGiveBackAction,
  'purchase.send': sendToApproversAction,
  'purchase.form': purchaseFormAction,
  'unassign.confirm': unassignConfirmAction,
  'offboard.submit': offboardSubmitAction,
  'org.delete.confirm': orgDeleteConfirmAction,
  'org.cancel.confirm': orgCancelConfirmAction,
  'billing.submit': billingSubmitAction,
  'personal.upgrade': personalUpgradeAction,
  'idle.keep': idleKeepAction,
  'idle.give_back': idleGiveBackAction,
  'list.page': listPageAction,
  noop: async () => ({ tone: 'info', text: 'OK.' }),
};
