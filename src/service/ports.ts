import type { Money } from '../domain/money.ts';

/** Time comes from here, so tests and the renewal roll can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export type ChargeResult = { ok: true; ref: string } | { ok: false; reason: string };

export interface ChargeInput {
  /** the same key always yields the same single charge, however often it is sent */
  idempotencyKey: string;
  payerAccountId: string;
  amount: Money;
  description: string;
}

/** Where money moves: the local ledger by default, Stripe when configured. */
export interface BillingGateway {
  readonly name: string;
  /** whether the account has a payment method that can be charged */
  hasPaymentMethod(accountId: string): Promise<boolean>;
  charge(input: ChargeInput): Promise<ChargeResult>;
}
