import { type EntitySchema, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Account } from '../../src/domain/model.ts';
import { AccountSchema } from '../schemas/index.ts';

/** A row as `row_to_json` gives it (snake_case columns), or null. */
export type JsonRow = Record<string, unknown> | null;

/**
 * A raw row as the tracked record: the one already loaded in this unit of work, if any, so
 * changes to it are flushed with the transaction.
 */
export const tracked = <T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  row: Record<string, unknown>,
): T =>
  (em.getUnitOfWork().getById(schema.meta.className, row.id as never) as T | undefined) ??
  em.map(schema, row as never);

/** An `account` row (as `row_to_json`) as the tracked account. */
export const accountFromRow = (em: EntityManager, row: Record<string, unknown>): Account =>
  tracked(em, AccountSchema, row);

export const accountByEmail = (em: EntityManager, email: string): Promise<Account | null> =>
  em.findOne(AccountSchema, { email });

/**
 * The account of an email, made (with these values) if there is none. A concurrent first
 * contact by the same person must not fail: the insert ignores a conflict on the email and the
 * account is read back fresh.
 */
export const ensureAccount = async (em: EntityManager, values: Account): Promise<Account> => {
  const account = em.create(AccountSchema, values);
  await em.upsert(AccountSchema, account, { onConflictFields: ['email'], onConflictAction: 'ignore' });
  return await em.findOneOrFail(AccountSchema, { email: values.email }, { refresh: true });
};

export const accountsByIds = (em: EntityManager, ids: readonly string[]): Promise<Account[]> =>
  em.find(AccountSchema, { id: { $in: [...ids] } });

/** The accounts with any of these ids or emails, in one query (the people a page of the audit names). */
export const accountsByIdsOrEmails = (
  em: EntityManager,
  ids: readonly string[],
  emails: readonly string[],
): Promise<Account[]> =>
  ids.length || emails.length
    ? em.find(AccountSchema, { $or: [{ id: { $in: [...ids] } }, { email: { $in: [...emails] } }] })
    : Promise.resolve([]);

/**
 * Inserts the account unless its email has one: one statement, so of concurrent first PUTs for
 * one address exactly one creates it (the others wait for it). The new account, or null.
 */
export const insertAccountIfAbsent = async (em: EntityManager, a: Account): Promise<Account | null> => {
  const inserted = await em.execute<{ id: string }[]>(
    `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?) on conflict (email) do nothing returning id`,
    [a.id, a.email, a.name, a.personalPlan, a.paymentMethod, a.createdAt, a.updatedAt],
  );
  return inserted[0] ? await em.findOneOrFail(AccountSchema, { id: inserted[0].id }) : null;
};

/** The account of an email with its row locked for the rest of the transaction. */
export const lockAccountByEmail = (em: EntityManager, email: string): Promise<Account> =>
  em.findOneOrFail(AccountSchema, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/**
 * A new payment method: the overdue period charges this account pays are tried again at the
 * next collection run.
 */
export const retryOverdueChargesOf = async (em: EntityManager, payerId: string, at: Date) => {
  await em.execute(
    `update period_charge set next_retry_at = ? where payer_id = ? and status in ('unpaid', 'suspended')`,
    [at, payerId],
  );
};
