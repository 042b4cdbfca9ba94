import type { EntityManager } from '@mikro-orm/postgresql';
import type { BillingPeriod } from '../../src/domain/period.ts';
import { paymentMethodOf } from './ledger-charges.ts';
import { advanceSetupAttempt, saveCheckout, setupAttemptOf, stripeCustomerOf } from './stripe-customers.ts';
import {
  contractOfSubscription,
  countCancelDecision,
  countScheduleChange,
  forgetSchedule,
  keepOnlyItems,
  saveSubscription,
  saveSubscriptionItem,
  setSchedule,
  stripeSubscriptionOf,
  subscriptionItemOf,
} from './stripe-subscriptions.ts';

/** The facts of a contract that Stripe requests carry: its currency, period and current period's start. */
export const stripeContractTermsOf = async (em: EntityManager, contractId: string) => {
  const [row] = await em.execute<{ currency: string; period: BillingPeriod; current_period_start: Date }[]>(
    'select currency, period, current_period_start from contract where id = ?',
    [contractId],
  );
  return row
    ? { currency: row.currency, period: row.period, currentPeriodStart: new Date(row.current_period_start) }
    : null;
};

/**
 * The Stripe gateway's store (it declares the shape it needs in adapters/stripe/stripe-store.ts):
 * the stripe_* tables and the few facts of ours the gateway sends along, each call on a fresh
 * fork of `root`, outside any caller's transaction, as the gateway always read and wrote them.
 */
export const stripeStore = (root: EntityManager) => ({
  paymentMethodOf: (accountId: string) => paymentMethodOf(root.fork(), accountId),
  contractTerms: (contractId: string) => stripeContractTermsOf(root.fork(), contractId),
  customerOf: (organizationId: string) => stripeCustomerOf(root.fork(), organizationId),
  setupAttemptOf: (organizationId: string) => setupAttemptOf(root.fork(), organizationId),
  saveCheckout: (organizationId: string, customerId: string, sessionId: string, url: string, at: Date) =>
    saveCheckout(root.fork(), organizationId, customerId, sessionId, url, at),
  advanceSetupAttempt: (organizationId: string, from: number) =>
    advanceSetupAttempt(root.fork(), organizationId, from),
  subscriptionOf: (contractId: string) => stripeSubscriptionOf(root.fork(), contractId),
  contractOfSubscription: (subscriptionId: string) => contractOfSubscription(root.fork(), subscriptionId),
  saveSubscription: (contractId: string, subscriptionId: string, at: Date) =>
    saveSubscription(root.fork(), contractId, subscriptionId, at),
  itemOf: (contractId: string, planCode: string) => subscriptionItemOf(root.fork(), contractId, planCode),
  keepOnlyItems: (contractId: string, itemIds: string[]) => keepOnlyItems(root.fork(), contractId, itemIds),
  saveItem: (contractId: string, planCode: string, itemId: string, priceId: string) =>
    saveSubscriptionItem(root.fork(), contractId, planCode, itemId, priceId),
  setSchedule: (contractId: string, scheduleId: string) => setSchedule(root.fork(), contractId, scheduleId),
  forgetSchedule: (contractId: string) => forgetSchedule(root.fork(), contractId),
  countScheduleChange: (contractId: string) => countScheduleChange(root.fork(), contractId),
  countCancelDecision: (contractId: string, from: number) =>
    countCancelDecision(root.fork(), contractId, from),
});
