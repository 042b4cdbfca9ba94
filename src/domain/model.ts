import type { Locale } from '../i18n/locale.ts';
import type { Edition, ModuleCode, PersonalPlan } from './catalog.ts';
import type { BillingPeriod } from './period.ts';
import type { ReceiptLine } from './receipt.ts';

/**
 * The records the rules work on. Plain data: the database maps them (db/schemas), the rules
 * and use cases change them. Foreign keys are ids, so rules run without a database.
 */
export interface Account {
  id: string;
  email: string;
  name: string | null;
  personalPlan: PersonalPlan;
  /** a billing gateway reference; null = no payment method on file */
  paymentMethod: string | null;
  /** the language the person chose (`language`); null or unset: their platform's */
  language?: Locale | null;
  /** the locale their chat platform last reported (`fr-FR`), for messages sent to them later */
  platformLocale?: string | null;
  /** the time zone their chat platform last reported (direct messages use it) */
  platformZone?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type OrgStatus = 'pending' | 'active' | 'cancelling' | 'cancelled' | 'deleted';

export interface BillingDetails {
  company: string;
  email: string;
  country: string;
  vatId: string | null;
  address: string | null;
}

export interface Organization {
  id: string;
  name: string;
  ownerId: string;
  status: OrgStatus;
  autoAssign: boolean;
  /** requests whose prorated charge is below this many minor units are approved at once; null = off */
  autoApproveBelow: number | null;
  /** idle seats are offered back and reclaimed after the grace period (jobs) */
  idleReclaim: boolean;
  edition: Edition;
  modules: ModuleCode[];
  billingDetails: BillingDetails | null;
  /** when cancelled: access lasts until here */
  paidThrough: Date | null;
  /** the language of people whose own nothing tells; null or unset: English */
  language?: Locale | null;
  /** hours before an unanswered purchase reminds its approvers; null or unset: the default */
  approvalRemindHours?: number | null;
  /** hours before it goes to the owner as well; null or unset: the default */
  approvalEscalateHours?: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type Role = 'owner' | 'admin' | 'member';
export type MembershipStatus = 'active' | 'detached' | 'left';

export interface Membership {
  id: string;
  organizationId: string;
  accountId: string;
  role: Role;
  approver: boolean;
  status: MembershipStatus;
  former: boolean;
  joinedAt: Date;
  endedAt: Date | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  organizationId: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  planCode: string | null;
  invitedById: string;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  decidedAt: Date | null;
}

/** A JSON document as stored (jsonb). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ContractKind = 'organization' | 'external';
export type ContractStatus = 'active' | 'ended';

export interface Contract {
  id: string;
  kind: ContractKind;
  organizationId: string | null;
  managerId: string;
  period: BillingPeriod;
  currency: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  status: ContractStatus;
  /** set while disconnected from its organization: plan changes are frozen */
  disconnectedAt: Date | null;
  connectionKeyHash: string | null;
  connectionKeyExpiresAt: Date | null;
  /** the REST caller's Idempotency-Key it was created with, and that request (same key, other body → refused) */
  creationKey: string | null;
  creationRequest: JsonValue | null;
  /** set while a period charge is overdue: its seats grant no access until it is paid */
  suspendedAt: Date | null;
  createdAt: Date;
}

/** What every new contract starts as: active, connected, no key, not suspended. */
export const NEW_CONTRACT = {
  status: 'active',
  disconnectedAt: null,
  connectionKeyHash: null,
  connectionKeyExpiresAt: null,
  creationKey: null,
  creationRequest: null,
  suspendedAt: null,
} as const satisfies Partial<Contract>;

export interface Seat {
  id: string;
  contractId: string;
  planCode: string;
  membershipId: string | null;
  autoRenew: boolean;
  assignedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** `covered`: every seat it asked for was given back by someone not using theirs; nothing bought */
export type PurchaseStatus =
  | 'pending'
  | 'approved'
  | 'charged'
  | 'payment_failed'
  | 'rejected'
  | 'expired'
  | 'covered';

export interface PurchaseRequest {
  id: string;
  organizationId: string;
  contractId: string;
  planCode: string;
  quantity: number;
  requestedById: string;
  /** an approver's own request needs only their confirmation */
  needs: 'approval' | 'confirmation';
  status: PurchaseStatus;
  currency: string;
  proratedAmount: number;
  recurringTotal: number;
  prorationDate: Date;
  /** when the request closes unanswered (expires): its quote's end for a confirmation */
  quoteExpiresAt: Date;
  /** until when its price holds; approved later, it is priced again (null: until it closes) */
  priceValidUntil?: Date | null;
  decidedById: string | null;
  /** the approver a delegate decided for (`delegate`), when it was a delegate */
  onBehalfOfId?: string | null;
  /** the quote taken apart when it was made, for the receipt (null: asked before it was kept) */
  breakdown?: ReceiptLine | null;
  /** the members its seats are for (`add 3 pro for …`), in order; each is taken off once seated */
  forMembershipIds?: string[];
  /**
   * when it went to its approvers (null: not asked of them, an approver's own, or a member's held
   * while they choose between asking for unused seats back and buying anyway)
   */
  routedAt?: Date | null;
  /** when the approvers were reminded of it, once (null: not yet) */
  remindedAt?: Date | null;
  /** when it went to the owner as well, once (null: not yet) */
  escalatedAt?: Date | null;
  decidedAt: Date | null;
  chargeRef: string | null;
  failureReason: string | null;
  /** the plan's absolute quantity asked of the billing provider, fixed once when its turn comes */
  billingQuantity: number | null;
  /** the provider's reference of a payment it holds (an open invoice), while awaitingPayment */
  billingRef: string | null;
  /** failed for now, but the provider holds the change until the payment completes (3-D Secure, a retried invoice) */
  awaitingPayment: boolean;
  /** a lease on the provider call: a second click while it runs is told the request is decided */
  billingStartedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AuditEvent {
  id: string;
  organizationId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}

export type OutboxStatus = 'pending' | 'sent' | 'parked';

export interface OutboxMessage {
  id: string;
  organizationId: string | null;
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface UsageRecord {
  accountId: string;
  resourceType: string;
  resourceId: string;
  metric: string;
  value: number;
  active: boolean;
  reportedAt: Date;
}

/** An approver's stand-in while away (`delegate <who> until <date>`); one per approver and organization. */
export interface ApprovalDelegate {
  id: string;
  organizationId: string;
  approverId: string;
  delegateId: string;
  /** the first instant the delegate no longer decides (the day after the last day named) */
  until: Date;
  createdAt: Date;
}
