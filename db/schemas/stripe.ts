import { EntitySchema } from '@mikro-orm/core';
import { int, text, textNull, ts, uuid } from './columns.ts';

// What the Stripe adapter keeps: customers, processed webhook events, subscriptions and items.

/** An organization's Stripe customer and its pending checkout (payment method setup). */
export interface StripeCustomerRow {
  organizationId: string;
  customerId: string;
  checkoutSessionId: string | null;
  checkoutUrl: string | null;
  createdAt: Date;
  setupAttempt: number;
}

export const StripeCustomerSchema = new EntitySchema<StripeCustomerRow>({
  name: 'StripeCustomer',
  tableName: 'stripe_customer',
  properties: {
    organizationId: { ...uuid, primary: true },
    customerId: text,
    checkoutSessionId: textNull,
    checkoutUrl: textNull,
    createdAt: ts,
    setupAttempt: int,
  },
});

/** A webhook event already handled (by Stripe's event id). */
export interface StripeEventRow {
  id: string;
  type: string;
  receivedAt: Date;
}

export const StripeEventSchema = new EntitySchema<StripeEventRow>({
  name: 'StripeEvent',
  tableName: 'stripe_event',
  properties: {
    id: { ...text, primary: true },
    type: text,
    receivedAt: ts,
  },
});

/** A contract's Stripe subscription and its schedule; revisions order concurrent changes. */
export interface StripeSubscriptionRow {
  contractId: string;
  subscriptionId: string;
  createdAt: Date;
  scheduleId: string | null;
  scheduleRevision: number;
  cancelRevision: number;
}

export const StripeSubscriptionSchema = new EntitySchema<StripeSubscriptionRow>({
  name: 'StripeSubscription',
  tableName: 'stripe_subscription',
  properties: {
    contractId: { ...uuid, primary: true },
    subscriptionId: text,
    createdAt: ts,
    scheduleId: textNull,
    scheduleRevision: int,
    cancelRevision: int,
  },
});

/** The subscription item (and price) billing one plan of a contract. */
export interface StripeSubscriptionItemRow {
  contractId: string;
  planCode: string;
  itemId: string;
  priceId: string;
}

export const StripeSubscriptionItemSchema = new EntitySchema<StripeSubscriptionItemRow>({
  name: 'StripeSubscriptionItem',
  tableName: 'stripe_subscription_item',
  properties: {
    contractId: { ...uuid, primary: true },
    planCode: { ...text, primary: true },
    itemId: text,
    priceId: text,
  },
});

export const stripeEntities = [
  StripeCustomerSchema,
  StripeEventSchema,
  StripeSubscriptionSchema,
  StripeSubscriptionItemSchema,
];
