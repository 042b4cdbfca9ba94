import { z } from 'zod';
import { receiptSchema } from './receipt.ts';

/**
 * Every notice the outbox carries, with its payload: the one contract between the use cases that
 * write a notice and the renderer that turns it into a message. The types are derived from the
 * schemas, so renaming a field breaks the writers and the renderer at compile time, and the worker
 * refuses a stored row that does not match (an old or malformed one) instead of rendering blanks.
 * Payloads are stored as JSON: dates travel as ISO strings.
 */

const iso = z.iso.datetime({ offset: true });
/** Notices about a contract can outlive its organization (a contract bought separately, a disconnected one). */
const orgNameOrNone = z.string().nullable();
const purchaseStatus = z.enum([
  'pending',
  'approved',
  'charged',
  'payment_failed',
  'rejected',
  'expired',
  'covered',
]);

/** What every purchase notice says about the request (support/purchase.ts `requestPayload`). */
const purchaseRequest = z.object({
  requestId: z.string(),
  organizationName: z.string(),
  plan: z.string(),
  quantity: z.number().int(),
  status: purchaseStatus,
  proratedAmount: z.number().int(),
  recurringTotal: z.number().int(),
  currency: z.string(),
});

/** What asks an approver to decide (the request itself, a reminder, an escalation). */
const approvalRequest = purchaseRequest.extend({
  requestedBy: z.string(),
  quoteExpiresAt: iso,
  /** the contract's billing period the recurring total is per (absent in rows from before) */
  period: z.enum(['month', 'year']).optional(),
  /** sent to a delegate: the approver they decide for */
  forApprover: z.string().optional(),
  /** seats of the plan nobody uses (how many, a few names): reuse before buying */
  reusable: z.object({ count: z.number().int(), names: z.array(z.string()) }).optional(),
  /** whom the seats are for (`add 3 pro for …`): how many, a few emails */
  forPeople: z.object({ count: z.number().int(), names: z.array(z.string()) }).optional(),
});

/** The organization closed (deleted, or cancelled to its end): members go back to their own plan. */
const organizationClosed = z.object({
  organizationName: z.string(),
  personalPlan: z.string(),
  restored: z.boolean(),
  closed: z.literal(true),
});

const workspaceChange = z.object({
  organizationName: z.string(),
  by: z.string(),
  platform: z.enum(['slack', 'teams']),
  workspaceId: z.string(),
});

const organizationOnly = z.object({ organizationName: orgNameOrNone });

/**
 * What stops working after an unassignment (domain/impact.ts `ImpactWarning`). Rows written before
 * warnings were structured carry an English sentence: it is shown as it is.
 */
const impactWarning = z.union([
  z.string(),
  z.object({
    code: z.literal('over_limit'),
    count: z.number().int(),
    resource: z.string(),
    metric: z.string(),
    limit: z.number(),
    plan: z.string(),
  }),
  z.object({ code: z.literal('no_access'), features: z.array(z.string()) }),
]);

/** Which period charge a payment or a failure is about (service/collect-period-charges.ts). */
const chargeWhat = z.union([
  z.object({ kind: z.literal('renewal'), periodStart: iso }),
  z.object({
    kind: z.literal('late_purchase'),
    periodStart: iso,
    items: z.array(z.object({ plan: z.string(), quantity: z.number().int() })),
  }),
]);
export type ChargeWhat = z.output<typeof chargeWhat>;

/**
 * Why billing needs attention, as facts; `provider` is the payment provider's own message, kept as
 * it wrote it. Rows written before reasons were structured carry an English sentence: shown as it is.
 */
const billingReason = z.union([
  z.string(),
  z.object({
    code: z.literal('charge_declined'),
    what: chargeWhat,
    provider: z.string(),
    /** the next try; null: that was the last one and the paid seats are suspended */
    nextRetryAt: iso.nullable(),
  }),
  z.object({ code: z.literal('invoice_unpaid'), provider: z.string() }),
  z.object({
    code: z.literal('first_invoice_failed'),
    provider: z.string(),
    /** where to add another payment method; null: `org create <name>` again */
    setupUrl: z.string().nullable(),
  }),
]);
export type BillingReason = z.output<typeof billingReason>;

/**
 * One schema per kind. A kind with several variants lists the ones with a literal tag (`event`,
 * `reason`, `closed`) first: a union takes the first variant that matches.
 */
export const NOTICE_SCHEMAS = {
  receipt: receiptSchema,
  invitation: z.union([
    z.object({ event: z.literal('invitation_declined'), email: z.string() }),
    z.object({
      invitationId: z.string(),
      organizationName: z.string(),
      invitedBy: z.string(),
      role: z.enum(['admin', 'member']),
      plan: z.string().nullable(),
      expiresAt: iso,
    }),
  ]),
  approval_request: approvalRequest,
  /** nobody answered in `waitedHours`: the approvers (and their delegates) are reminded */
  approval_reminder: approvalRequest.extend({ waitedHours: z.number().int() }),
  /** still nobody after `waitedHours`: the owner is told as well as the approvers */
  approval_escalation: approvalRequest.extend({ waitedHours: z.number().int() }),
  /**
   * seats were given back for the request after it was sent: the request as it is now, drawn over
   * the card each decider has (`covered`: nothing left to buy, nor to decide)
   */
  approval_updated: approvalRequest.extend({ given: z.number().int() }),
  purchase_result: z.union([
    purchaseRequest.extend({ status: z.literal('payment_failed'), reason: z.string() }),
    purchaseRequest.extend({
      status: z.literal('rejected'),
      reason: z.string().nullable(),
      decidedBy: z.string(),
      /** the requester took their own request back (it was cancelled, not rejected) */
      withdrawn: z.boolean().optional(),
      /** a delegate decided: the approver they stood in for */
      onBehalfOf: z.string().optional(),
    }),
    purchaseRequest.extend({
      status: z.enum(['pending', 'approved', 'charged', 'expired']),
      /** expired when approved: its price had gone up since it was asked */
      priceRose: z.boolean().optional(),
      /** who approved it for whom, when a delegate did */
      decidedBy: z.string().optional(),
      onBehalfOf: z.string().optional(),
    }),
  ]),
  /** an approver away named this person to decide purchases for them through `until` (a day) */
  delegate_named: z.object({
    organizationName: z.string(),
    approver: z.string(),
    until: z.iso.date(),
  }),
  seat_assigned: z.union([
    z.object({
      event: z.literal('invitation_accepted'),
      email: z.string(),
      organizationName: z.string(),
      plan: z.string(),
      seatWanted: z.string().nullable(),
      noFreeSeat: z.boolean(),
    }),
    // also written in SQL by support/assign-in-one-statement.ts (jsonb_build_object)
    z.object({ organizationName: z.string(), plan: z.string(), previousPlan: z.string(), by: z.string() }),
  ]),
  seat_removed: z.union([
    z.object({ reason: z.literal('not_renewed'), organizationName: orgNameOrNone, plan: z.string() }),
    z.object({ reason: z.literal('contract_moved'), planCode: z.string(), contractId: z.string() }),
    z.object({
      organizationName: z.string(),
      plan: z.string(),
      by: z.string(),
      warnings: z.array(impactWarning),
    }),
  ]),
  seat_ending: z.object({ organizationName: orgNameOrNone, plan: z.string(), endsAt: iso }),
  offboarded: z.object({ organizationName: z.string(), by: z.string() }),
  scim_offboarded: z.object({
    organizationName: z.string(),
    offboarded: z.array(
      z.object({
        email: z.string(),
        seat: z
          .object({ plan: z.string(), freed: z.boolean(), autoRenew: z.boolean(), frozen: z.boolean() })
          .nullable(),
      }),
    ),
  }),
  organization_deleted: organizationClosed,
  organization_cancelled: z.union([
    organizationClosed,
    z.object({ organizationName: z.string(), paidThrough: iso }),
  ]),
  ownership_transferred: z.object({ organizationName: z.string(), from: z.string(), to: z.string() }),
  renewal_reminder: z.object({
    contractId: z.string(),
    organizationName: orgNameOrNone,
    renewalDate: iso,
    endingCount: z.number().int(),
    ending: z.array(z.object({ plan: z.string(), count: z.number().int(), holders: z.array(z.string()) })),
    idleCount: z.number().int(),
    idle: z.array(
      z.object({ email: z.string(), plan: z.string(), idleSince: iso, idleDays: z.number().int() }),
    ),
    nextCharge: z.object({
      amount: z.number().int(),
      currency: z.string(),
      date: iso,
      byPlan: z.array(z.object({ plan: z.string(), seats: z.number().int(), amount: z.number().int() })),
    }),
  }),
  idle_seat_offer: z.object({
    offerId: z.string(),
    organizationName: z.string(),
    plan: z.string(),
    idleSince: iso,
    idleDays: z.number().int(),
    expiresAt: iso,
  }),
  idle_seat_reclaimed: z.object({
    organizationName: z.string(),
    plan: z.string(),
    idleSince: iso.nullable(),
    offeredAt: iso,
  }),
  organization_ready: z.object({ organizationName: z.string() }),
  billing_problem: z.object({
    organizationName: orgNameOrNone,
    reason: billingReason,
    nextRetryAt: iso.nullable().optional(),
    attempt: z.number().int().optional(),
  }),
  workspace_linked: workspaceChange,
  workspace_unlinked: workspaceChange,
  payment_received: z.object({
    organizationName: orgNameOrNone,
    /** a row written before this was structured carries English words: shown as they are */
    what: z.union([z.string(), chargeWhat]),
    amount: z.number().int(),
    currency: z.string(),
  }),
  seats_suspended: organizationOnly,
  seats_restored: organizationOnly,
  /** seats given back for the requester's purchase: it asks for `quantity` now (0: covered) */
  request_shrunk: z.object({
    requestId: z.string(),
    organizationName: z.string(),
    plan: z.string(),
    given: z.number().int(),
    quantity: z.number().int(),
    /** the members the request was for who got those seats (emails) */
    seated: z.array(z.string()).optional(),
  }),
} satisfies Record<string, z.ZodType>;

export type NoticePayloads = { [K in keyof typeof NOTICE_SCHEMAS]: z.output<(typeof NOTICE_SCHEMAS)[K]> };
export type NoticeKind = keyof NoticePayloads;
export type NoticePayload<K extends NoticeKind> = NoticePayloads[K];

/** A notice: its kind and the payload that kind carries (a tagged union: `kind` narrows `payload`). */
export type Notice = { [K in NoticeKind]: { kind: K; payload: NoticePayloads[K] } }[NoticeKind];

export const NOTICE_KINDS = Object.keys(NOTICE_SCHEMAS) as NoticeKind[];

const isNoticeKind = (kind: string): kind is NoticeKind => Object.hasOwn(NOTICE_SCHEMAS, kind);

/** A stored notice that is not one this version knows (unknown kind, or a payload that does not match it). */
export class MalformedNotice extends Error {
  override readonly name = 'MalformedNotice';
}

/**
 * Reads a notice as stored (kind and JSON payload) into the typed union, or throws
 * MalformedNotice saying what does not match. Unknown fields are dropped.
 */
export const parseNotice = (kind: string, payload: unknown): Notice => {
  if (!isNoticeKind(kind)) throw new MalformedNotice(`unknown notice kind "${kind}"`);
  const parsed = NOTICE_SCHEMAS[kind].safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
    throw new MalformedNotice(`notice "${kind}" does not match its kind: ${issues.join('; ')}`);
  }
  return { kind, payload: parsed.data } as Notice;
};

/**
 * For a writer that picks the kind at run time with a loosely typed payload: checks the payload
 * against the kind (throws MalformedNotice) and keeps it as written.
 */
export const checkedNotice = (kind: NoticeKind, payload: Record<string, unknown>): Notice => {
  parseNotice(kind, payload);
  return { kind, payload } as Notice;
};
