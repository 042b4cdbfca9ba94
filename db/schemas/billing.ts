import { EntitySchema } from '@mikro-orm/core';
import type { JsonValue } from '../../src/domain/model.ts';
import { int, json, money, text, textNull, ts, tsNull, uuid, uuidNull, uuidPk } from './columns.ts';

// Rows the billing and renewal jobs keep; the repositories reach them through raw SQL.

/** One charge for a contract's period (renewal) or a purchase, retried until paid or given up. */
export interface PeriodChargeRow {
  id: string;
  contractId: string;
  kind: string;
  periodStart: Date;
  periodEnd: Date;
  requestId: string | null;
  items: JsonValue;
  amount: number;
  currency: string;
  payerId: string;
  idempotencyKey: string;
  status: string;
  chargeRef: string | null;
  failureReason: string | null;
  failedAt: Date | null;
  retries: number;
  nextRetryAt: Date | null;
  receiptSentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PeriodChargeSchema = new EntitySchema<PeriodChargeRow>({
  name: 'PeriodCharge',
  tableName: 'period_charge',
  properties: {
    id: uuidPk,
    contractId: uuid,
    kind: text,
    periodStart: ts,
    periodEnd: ts,
    requestId: uuidNull,
    items: json,
    amount: money,
    currency: text,
    payerId: uuid,
    idempotencyKey: text,
    status: text,
    chargeRef: textNull,
    failureReason: textNull,
    failedAt: tsNull,
    retries: int,
    nextRetryAt: tsNull,
    receiptSentAt: tsNull,
    createdAt: ts,
    updatedAt: ts,
  },
});

/** A renewal reminder sent for one contract period (at most one per period). */
export interface RenewalReminderRow {
  contractId: string;
  periodEnd: Date;
  sentAt: Date;
}

export const RenewalReminderSchema = new EntitySchema<RenewalReminderRow>({
  name: 'RenewalReminder',
  tableName: 'renewal_reminder',
  properties: {
    contractId: { ...uuid, primary: true },
    periodEnd: { ...ts, primary: true },
    sentAt: ts,
  },
});

/** An offer to give up an idle seat, made to its holder. */
export interface IdleOfferRow {
  id: string;
  seatId: string;
  membershipId: string;
  offeredAt: Date;
  expiresAt: Date;
  status: string;
  decidedAt: Date | null;
  /** the purchase request it was sent for (reuse before buying), if any */
  forRequestId?: string | null;
}

export const IdleOfferSchema = new EntitySchema<IdleOfferRow>({
  name: 'IdleOffer',
  tableName: 'idle_offer',
  properties: {
    id: uuidPk,
    seatId: uuid,
    membershipId: uuid,
    offeredAt: ts,
    expiresAt: ts,
    status: text,
    decidedAt: tsNull,
    forRequestId: { ...uuid, nullable: true },
  },
});

/** A charge recorded by the built-in ledger payment adapter. */
export interface LedgerChargeRow {
  id: string;
  idempotencyKey: string;
  payerId: string;
  amount: number;
  currency: string;
  description: string;
  status: string;
  failureReason: string | null;
  createdAt: Date;
}

export const LedgerChargeSchema = new EntitySchema<LedgerChargeRow>({
  name: 'LedgerCharge',
  tableName: 'ledger_charge',
  properties: {
    id: uuidPk,
    idempotencyKey: text,
    payerId: uuid,
    amount: money,
    currency: text,
    description: text,
    status: text,
    failureReason: textNull,
    createdAt: ts,
  },
});

export const billingEntities = [
  PeriodChargeSchema,
  RenewalReminderSchema,
  IdleOfferSchema,
  LedgerChargeSchema,
];
