import type { EntityManager } from '@mikro-orm/postgresql';

/** stripe_subscription: a contract's subscription, its attached schedule and its decision counters. */
export interface StripeSubscriptionRow {
  subscriptionId: string;
  scheduleId: string | null;
  /** schedule changes Stripe accepted so far (part of the schedule keys) */
  scheduleRevision: number;
  /** cancel / undo decisions Stripe accepted so far (part of the cancel key) */
  cancelRevision: number;
}

export const stripeSubscriptionOf = async (
  em: EntityManager,
  contractId: string,
): Promise<StripeSubscriptionRow | null> => {
  const [row] = await em.execute<
    {
      subscription_id: string;
      schedule_id: string | null;
      schedule_revision: number;
      cancel_revision: number;
    }[]
  >(
    'select subscription_id, schedule_id, schedule_revision, cancel_revision from stripe_subscription where contract_id = ?',
    [contractId],
  );
  return row
    ? {
        subscriptionId: row.subscription_id,
        scheduleId: row.schedule_id,
        scheduleRevision: row.schedule_revision,
        cancelRevision: row.cancel_revision,
      }
    : null;
};

export const contractOfSubscription = async (
  em: EntityManager,
  subscriptionId: string,
): Promise<string | null> => {
  const [row] = await em.execute<{ contract_id: string }[]>(
    'select contract_id from stripe_subscription where subscription_id = ?',
    [subscriptionId],
  );
  return row?.contract_id ?? null;
};

/** The first subscription recorded for a contract stays. */
export const saveSubscription = async (
  em: EntityManager,
  contractId: string,
  subscriptionId: string,
  at: Date,
): Promise<void> => {
  await em.execute(
    `insert into stripe_subscription (contract_id, subscription_id, created_at) values (?, ?, ?)
     on conflict (contract_id) do nothing`,
    [contractId, subscriptionId, at],
  );
};

/** The id of a plan's item in the contract's subscription. */
export const subscriptionItemOf = async (
  em: EntityManager,
  contractId: string,
  planCode: string,
): Promise<string | null> => {
  const [row] = await em.execute<{ item_id: string }[]>(
    'select item_id from stripe_subscription_item where contract_id = ? and plan_code = ?',
    [contractId, planCode],
  );
  return row?.item_id ?? null;
};

/** Forgets the contract's items Stripe no longer has (every item when `itemIds` is empty). */
export const keepOnlyItems = async (
  em: EntityManager,
  contractId: string,
  itemIds: string[],
): Promise<void> => {
  await em.execute(
    `delete from stripe_subscription_item where contract_id = ?${itemIds.length ? ' and item_id not in (?)' : ''}`,
    itemIds.length ? [contractId, itemIds] : [contractId],
  );
};

export const saveSubscriptionItem = async (
  em: EntityManager,
  contractId: string,
  planCode: string,
  itemId: string,
  priceId: string,
): Promise<void> => {
  await em.execute(
    `insert into stripe_subscription_item (contract_id, plan_code, item_id, price_id) values (?, ?, ?, ?)
     on conflict (contract_id, plan_code) do update set item_id = excluded.item_id, price_id = excluded.price_id`,
    [contractId, planCode, itemId, priceId],
  );
};

export const setSchedule = async (
  em: EntityManager,
  contractId: string,
  scheduleId: string,
): Promise<void> => {
  await em.execute('update stripe_subscription set schedule_id = ? where contract_id = ?', [
    scheduleId,
    contractId,
  ]);
};

/** The schedule is gone (released, completed): none attached, and the next attach gets new keys. */
export const forgetSchedule = async (em: EntityManager, contractId: string): Promise<void> => {
  await em.execute(
    'update stripe_subscription set schedule_id = null, schedule_revision = schedule_revision + 1 where contract_id = ?',
    [contractId],
  );
};

export const countScheduleChange = async (em: EntityManager, contractId: string): Promise<void> => {
  await em.execute(
    'update stripe_subscription set schedule_revision = schedule_revision + 1 where contract_id = ?',
    [contractId],
  );
};

/** A cancel decision Stripe accepted, counted once: only the request that saw `from` moves it on. */
export const countCancelDecision = async (
  em: EntityManager,
  contractId: string,
  from: number,
): Promise<void> => {
  await em.execute(
    'update stripe_subscription set cancel_revision = cancel_revision + 1 where contract_id = ? and cancel_revision = ?',
    [contractId, from],
  );
};
