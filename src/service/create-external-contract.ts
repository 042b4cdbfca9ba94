import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  contractByCreationKey,
  insertFreeAccount,
  insertSeatsPerPlan,
  managerByEmail,
  newContract,
  planCatalog,
  requireContractById,
  requireManagerByEmail,
  setCreationKey,
} from '../../db/repositories/contracts.ts';
import { FREE_PLAN_CODE, type Plan } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import { type Account, type Contract, NEW_CONTRACT } from '../domain/model.ts';
import { addPeriod, type BillingPeriod } from '../domain/period.ts';
import type { ServiceContext } from './context.ts';
import { CONTRACT_AUDIT_KEYS } from './support/contracts.ts';
import { emailField, parse, planCodeField, seatCountField } from './support/input.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

export const MAX_PLANS_PER_CONTRACT = 20;

const input = z.object({
  managerEmail: emailField,
  period: z.enum(['month', 'year'], { error: 'must be month or year' }),
  plans: z
    .array(z.object({ plan: planCodeField, quantity: seatCountField }))
    .min(1, 'must list at least one plan')
    .max(MAX_PLANS_PER_CONTRACT, `must list at most ${MAX_PLANS_PER_CONTRACT} plans`),
  startsAt: z
    .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'must be an ISO date such as 2026-03-01',
    })
    .transform((v) => new Date(v))
    .optional(),
});

const idempotencyKey = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/**
 * Creates a contract sold outside chat (REST API; no chat actor). The manager account is created
 * on the `free` plan when unknown. The contract starts unconnected; its manager connects it to an
 * organization directly or shares a connection key. One unassigned, renewing seat per unit.
 *
 * With an idempotency key, sending the same request again (a retry after a timeout or a crash)
 * returns the contract the first one made, with `replayed: true`, and creates nothing; the same
 * key with a different request is refused.
 */
export const createExternalContract = async (
  ctx: ServiceContext,
  raw: z.input<typeof input>,
  opts: { idempotencyKey?: string } = {},
) => {
  const cmd = parse(input, raw);
  const key =
    opts.idempotencyKey === undefined
      ? null
      : parse(z.object({ 'Idempotency-Key': idempotencyKey }), { 'Idempotency-Key': opts.idempotencyKey })[
          'Idempotency-Key'
        ];
  const request = JSON.stringify(cmd);
  try {
    return await create(ctx, cmd, key, request);
  } catch (e) {
    // a concurrent request with the same key won: answer as a retry of it
    if (key && e instanceof UniqueConstraintViolationException) return create(ctx, cmd, key, request);
    throw e;
  }
};

const create = (ctx: ServiceContext, cmd: z.output<typeof input>, key: string | null, request: string) =>
  inTransaction(ctx, async (em) => {
    if (key) {
      const earlier = await replay(em, key, request);
      if (earlier) return earlier;
    }
    const now = ctx.clock.now();
    const startsAt = cmd.startsAt ?? now;
    if (startsAt.getTime() > now.getTime()) {
      throw new DomainError(
        'invalid_input',
        { key: 'errors_service.external_contract.future_start', args: { starts: startsAt.toISOString() } },
        { key: 'errors_service.external_contract.future_start_next' },
        { field: 'startsAt' },
      );
    }

    const seen = new Set<string>();
    for (const line of cmd.plans) {
      if (seen.has(line.plan)) {
        throw new DomainError(
          'invalid_input',
          { key: 'errors_service.external_contract.plan_twice', args: { plan: line.plan } },
          { key: 'errors_service.external_contract.plan_twice_next' },
          { field: 'plans' },
        );
      }
      seen.add(line.plan);
    }
    const catalog = await planCatalog(em);
    const byCode = new Map(catalog.map((p) => [p.code, p]));
    const sellable = catalog.filter((p) => p.code !== FREE_PLAN_CODE).map((p) => p.code);
    const plans: Plan[] = cmd.plans.map((line) => {
      const plan = byCode.get(line.plan);
      if (!plan) {
        throw new DomainError(
          'not_found',
          { key: 'errors_service.external_contract.no_plan', args: { plan: line.plan } },
          { key: 'errors_service.external_contract.no_plan_next', args: { plans: sellable.join(', ') } },
        );
      }
      if (plan.code === FREE_PLAN_CODE) {
        throw new DomainError(
          'invalid_input',
          { key: 'errors_service.external_contract.free_plan' },
          { key: 'errors_service.external_contract.free_plan_next', args: { plans: sellable.join(', ') } },
          { field: 'plans' },
        );
      }
      return plan;
    });
    const currencies = [...new Set(plans.map((p) => p.currency))];
    if (currencies.length > 1) {
      throw new DomainError(
        'invalid_input',
        { key: 'errors_service.external_contract.currencies', args: { currencies: currencies.join(', ') } },
        { key: 'errors_service.external_contract.currencies_next' },
        { field: 'plans' },
      );
    }

    const manager = await managerAccount(em, cmd.managerEmail, now);
    const period = currentPeriod(startsAt, cmd.period, now);
    const contract: Contract = newContract(em, {
      id: randomUUID(),
      kind: 'external',
      organizationId: null,
      managerId: manager.id,
      period: cmd.period,
      currency: currencies[0]!,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      ...NEW_CONTRACT,
      createdAt: now,
    });
    await em.flush();
    if (key) {
      await setCreationKey(em, contract.id, key, request);
    }

    // One statement for every seat (up to 20 × 10,000 rows), in this transaction.
    await insertSeatsPerPlan(em, contract.id, cmd.plans, now);

    const seats: Record<string, number> = {};
    for (const l of cmd.plans) seats[l.plan] = l.quantity;
    audit(em, now, {
      organizationId: null,
      actorId: null,
      action: 'contract.created',
      subject: { type: 'contract', id: contract.id },
      after: { ...snapshot(contract, CONTRACT_AUDIT_KEYS), managerEmail: manager.email, seats },
    });
    return { contract, seats, replayed: false };
  });

/** The contract an earlier request with this key made, or null; the key on another request is refused. */
const replay = async (em: EntityManager, key: string, request: string) => {
  const row = await contractByCreationKey(em, key, request);
  if (!row) return null;
  if (!row.same) {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.external_contract.key_reused' },
      { key: 'errors_service.external_contract.key_reused_next' },
      { field: 'Idempotency-Key' },
    );
  }
  const contract = await requireContractById(em, row.id);
  const lines = JSON.parse(request).plans as { plan: string; quantity: number }[];
  const seats: Record<string, number> = {};
  for (const l of lines) seats[l.plan] = l.quantity;
  return { contract, seats, replayed: true };
};

/** The manager's account; an unknown address gets a `free` account (safe against a concurrent create). */
const managerAccount = async (em: EntityManager, email: string, now: Date): Promise<Account> => {
  const found = await managerByEmail(em, email);
  if (found) return found;
  const inserted = await insertFreeAccount(em, randomUUID(), email, now);
  const account = await requireManagerByEmail(em, email);
  if (inserted) {
    audit(em, now, {
      organizationId: null,
      actorId: null,
      action: 'account.created',
      subject: { type: 'account', id: account.id },
      after: snapshot(account, ['email', 'name', 'personalPlan', 'paymentMethod']),
    });
  }
  return account;
};

/**
 * The billing period that contains `now` for a contract that started at `startsAt`: the start
 * rolls forward by whole periods, keeping its anniversary day (Jan 31 → Feb 28 → Mar 31).
 */
const currentPeriod = (startsAt: Date, period: BillingPeriod, now: Date): { start: Date; end: Date } => {
  const months =
    (now.getUTCFullYear() - startsAt.getUTCFullYear()) * 12 + (now.getUTCMonth() - startsAt.getUTCMonth());
  let n = Math.max(0, period === 'month' ? months : Math.floor(months / 12));
  while (n > 0 && addPeriod(startsAt, period, n) > now) n--;
  while (addPeriod(startsAt, period, n + 1) <= now) n++;
  return { start: addPeriod(startsAt, period, n), end: addPeriod(startsAt, period, n + 1) };
};
