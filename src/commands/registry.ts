import { acceptInvitationAction } from './actions/accept-invitation.ts';
import { approvePurchaseAction } from './actions/approve-purchase.ts';
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
import { unassignConfirmAction } from './actions/unassign-confirm.ts';
import type { CommandName } from './grammar.ts';
import type { ActionTable, Handler } from './handler.ts';
import { add } from './handlers/add.ts';
import { assign } from './handlers/assign.ts';
import { audit } from './handlers/audit.ts';
import { autoassign } from './handlers/autoassign.ts';
import { billing } from './handlers/billing.ts';
import { cancel } from './handlers/cancel.ts';
import { cancelUndo } from './handlers/cancel-undo.ts';
import { contractConnect } from './handlers/contract-connect.ts';
import { contractDisconnect } from './handlers/contract-disconnect.ts';
import { contractKey } from './handlers/contract-key.ts';
import { edition } from './handlers/edition.ts';
import { help } from './handlers/help.ts';
import { invite } from './handlers/invite.ts';
import { members } from './handlers/members.ts';
import { moduleCommand } from './handlers/module.ts';
import { offboard } from './handlers/offboard.ts';
import { orgCreate } from './handlers/org-create.ts';
import { orgDelete } from './handlers/org-delete.ts';
import { orgLink } from './handlers/org-link.ts';
import { orgUnlink } from './handlers/org-unlink.ts';
import { owner } from './handlers/owner.ts';
import { plans } from './handlers/plans.ts';
import { renew } from './handlers/renew.ts';
import { requests } from './handlers/requests.ts';
import { role } from './handlers/role.ts';
import { scimDefaults } from './handlers/scim-defaults.ts';
import { scimOff } from './handlers/scim-off.ts';
import { scimToken } from './handlers/scim-token.ts';
import { status } from './handlers/status.ts';
import { unassign } from './handlers/unassign.ts';
import { upgrade } from './handlers/upgrade.ts';

/** Wiring only: each command and action to its handler. */
export const COMMANDS: { [N in CommandName]: Handler<N> } = {
  help,
  status,
  plans,
  members,
  audit,
  requests,
  invite,
  assign,
  unassign,
  autoassign,
  add,
  offboard,
  renew,
  role,
  'contract key': contractKey,
  'contract connect': contractConnect,
  'contract disconnect': contractDisconnect,
  'org create': orgCreate,
  'org delete': orgDelete,
  'org link': orgLink,
  'org unlink': orgUnlink,
  'scim token': scimToken,
  'scim off': scimOff,
  'scim defaults': scimDefaults,
  owner,
  edition,
  module: moduleCommand,
  billing,
  cancel,
  'cancel undo': cancelUndo,
  upgrade,
};

export const ACTIONS: ActionTable = {
  'invitation.accept': acceptInvitationAction,
  'invitation.decline': declineInvitationAction,
  'purchase.approve': approvePurchaseAction,
  'purchase.reject': rejectPurchaseAction,
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
