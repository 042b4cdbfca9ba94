import { EntitySchema } from '@mikro-orm/core';
import type { Plan } from '../../src/domain/catalog.ts';
import type {
  Account,
  ApprovalDelegate,
  AuditEvent,
  Contract,
  Invitation,
  Membership,
  Organization,
  OutboxMessage,
  PurchaseRequest,
  Seat,
  UsageRecord,
} from '../../src/domain/model.ts';
import { billingEntities } from './billing.ts';
import { chatEntities } from './chat.ts';
import { json, money, ts, tsNull, uuid, uuidPk } from './columns.ts';
import { linkEntities } from './links.ts';
import { scimEntities } from './scim.ts';
import { stripeEntities } from './stripe.ts';

// Mappings of the domain records. Foreign keys are plain uuid columns here; the migrations
// declare the REFERENCES, CHECK and partial UNIQUE constraints the invariants rest on.
// Every table the migrations create is mapped (test/integration/schema-mapping.test.ts); the
// rows only raw SQL reaches live in billing, links, scim, chat and stripe.

export const AccountSchema = new EntitySchema<Account>({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: uuidPk,
    email: { type: 'string' },
    name: { type: 'string', nullable: true },
    personalPlan: { type: 'string' },
    paymentMethod: { type: 'string', nullable: true },
    language: { type: 'string', nullable: true },
    platformLocale: { type: 'string', nullable: true },
    platformZone: { type: 'string', nullable: true },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const PlanSchema = new EntitySchema<Plan>({
  name: 'Plan',
  tableName: 'plan',
  properties: {
    code: { type: 'string', primary: true },
    name: { type: 'string' },
    rank: { type: 'integer' },
    currency: { type: 'string' },
    monthlyPrice: money,
    yearlyPrice: money,
    tiers: json,
    features: json,
    limits: json,
  },
});

export const OrganizationSchema = new EntitySchema<Organization>({
  name: 'Organization',
  tableName: 'organization',
  properties: {
    id: uuidPk,
    name: { type: 'string' },
    ownerId: uuid,
    status: { type: 'string' },
    autoAssign: { type: 'boolean' },
    autoApproveBelow: { ...money, nullable: true },
    idleReclaim: { type: 'boolean' },
    edition: { type: 'string' },
    modules: json,
    billingDetails: { ...json, nullable: true },
    paidThrough: tsNull,
    language: { type: 'string', nullable: true },
    approvalRemindHours: { type: 'integer', nullable: true },
    approvalEscalateHours: { type: 'integer', nullable: true },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const MembershipSchema = new EntitySchema<Membership>({
  name: 'Membership',
  tableName: 'membership',
  properties: {
    id: uuidPk,
    organizationId: uuid,
    accountId: uuid,
    role: { type: 'string' },
    approver: { type: 'boolean' },
    status: { type: 'string' },
    former: { type: 'boolean' },
    joinedAt: ts,
    endedAt: tsNull,
  },
});

export const InvitationSchema = new EntitySchema<Invitation>({
  name: 'Invitation',
  tableName: 'invitation',
  properties: {
    id: uuidPk,
    organizationId: uuid,
    email: { type: 'string' },
    role: { type: 'string' },
    planCode: { type: 'string', nullable: true },
    invitedById: uuid,
    status: { type: 'string' },
    expiresAt: ts,
    createdAt: ts,
    decidedAt: tsNull,
  },
});

export const ContractSchema = new EntitySchema<Contract>({
  name: 'Contract',
  tableName: 'contract',
  properties: {
    id: uuidPk,
    kind: { type: 'string' },
    organizationId: { ...uuid, nullable: true },
    managerId: uuid,
    period: { type: 'string' },
    currency: { type: 'string' },
    currentPeriodStart: ts,
    currentPeriodEnd: ts,
    status: { type: 'string' },
    disconnectedAt: tsNull,
    connectionKeyHash: { type: 'string', nullable: true },
    connectionKeyExpiresAt: tsNull,
    creationKey: { type: 'string', nullable: true },
    creationRequest: { ...json, nullable: true },
    suspendedAt: tsNull,
    createdAt: ts,
  },
});

export const SeatSchema = new EntitySchema<Seat>({
  name: 'Seat',
  tableName: 'seat',
  properties: {
    id: uuidPk,
    contractId: uuid,
    planCode: { type: 'string' },
    membershipId: { ...uuid, nullable: true },
    autoRenew: { type: 'boolean' },
    assignedAt: tsNull,
    lastUsedAt: tsNull,
    createdAt: ts,
  },
});

export const PurchaseRequestSchema = new EntitySchema<PurchaseRequest>({
  name: 'PurchaseRequest',
  tableName: 'purchase_request',
  properties: {
    id: uuidPk,
    organizationId: uuid,
    contractId: uuid,
    planCode: { type: 'string' },
    quantity: { type: 'integer' },
    requestedById: uuid,
    needs: { type: 'string' },
    status: { type: 'string' },
    currency: { type: 'string' },
    proratedAmount: money,
    recurringTotal: money,
    prorationDate: ts,
    quoteExpiresAt: ts,
    priceValidUntil: tsNull,
    decidedById: { ...uuid, nullable: true },
    onBehalfOfId: { ...uuid, nullable: true },
    breakdown: { ...json, nullable: true },
    forMembershipIds: { ...json, default: "'[]'::jsonb" },
    decidedAt: tsNull,
    chargeRef: { type: 'string', nullable: true },
    failureReason: { type: 'string', nullable: true },
    billingQuantity: { type: 'integer', nullable: true },
    billingRef: { type: 'string', nullable: true },
    awaitingPayment: { type: 'boolean' },
    billingStartedAt: tsNull,
    routedAt: tsNull,
    remindedAt: tsNull,
    escalatedAt: tsNull,
    createdAt: ts,
    updatedAt: ts,
  },
});

export const AuditEventSchema = new EntitySchema<AuditEvent>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: uuidPk,
    organizationId: { ...uuid, nullable: true },
    actorId: { ...uuid, nullable: true },
    action: { type: 'string' },
    subjectType: { type: 'string' },
    subjectId: { type: 'string' },
    before: { ...json, nullable: true },
    after: { ...json, nullable: true },
    at: ts,
  },
});

export const ApprovalDelegateSchema = new EntitySchema<ApprovalDelegate>({
  name: 'ApprovalDelegate',
  tableName: 'approval_delegate',
  properties: {
    id: uuidPk,
    organizationId: uuid,
    approverId: uuid,
    delegateId: uuid,
    until: ts,
    createdAt: ts,
  },
});

export const OutboxSchema = new EntitySchema<OutboxMessage>({
  name: 'OutboxMessage',
  tableName: 'outbox',
  properties: {
    id: uuidPk,
    organizationId: { ...uuid, nullable: true },
    recipientId: uuid,
    kind: { type: 'string' },
    payload: json,
    status: { type: 'string' },
    attempts: { type: 'integer' },
    nextAttemptAt: ts,
    lastError: { type: 'string', nullable: true },
    createdAt: ts,
    sentAt: tsNull,
  },
});

export const UsageRecordSchema = new EntitySchema<UsageRecord>({
  name: 'UsageRecord',
  tableName: 'usage_record',
  properties: {
    accountId: { ...uuid, primary: true },
    resourceType: { type: 'string', primary: true },
    resourceId: { type: 'string', primary: true },
    metric: { type: 'string', primary: true },
    value: money,
    active: { type: 'boolean' },
    reportedAt: ts,
  },
});

export const entities = [
  AccountSchema,
  PlanSchema,
  OrganizationSchema,
  MembershipSchema,
  InvitationSchema,
  ContractSchema,
  SeatSchema,
  PurchaseRequestSchema,
  AuditEventSchema,
  OutboxSchema,
  ApprovalDelegateSchema,
  UsageRecordSchema,
  ...billingEntities,
  ...linkEntities,
  ...scimEntities,
  ...chatEntities,
  ...stripeEntities,
];
