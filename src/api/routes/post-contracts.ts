import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../service/context.ts';
import { createExternalContract, MAX_PLANS_PER_CONTRACT } from '../../service/create-external-contract.ts';
import { emailField, planCodeField, seatCountField } from '../../service/support/input.ts';
import { validate } from '../errors.ts';

const body = z.strictObject({
  managerEmail: emailField,
  period: z.enum(['month', 'year'], { error: 'must be month or year' }),
  plans: z
    .array(z.strictObject({ plan: planCodeField, quantity: seatCountField }))
    .min(1, 'must list at least one plan')
    .max(MAX_PLANS_PER_CONTRACT, `must list at most ${MAX_PLANS_PER_CONTRACT} plans`),
  startsAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'must be an ISO date such as 2026-03-01',
    })
    .optional(),
});

/**
 * POST /api/v1/contracts — a contract sold outside chat, unconnected, one unassigned seat per unit.
 * An `Idempotency-Key` header makes retries safe: the same key and body answer with the first
 * contract (201 again, `Idempotent-Replayed: true`); the same key with another body is a 409.
 */
export const postContracts =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    const b = validate(body, req.body, 'body');
    const key = req.get('idempotency-key');
    const { contract, seats, replayed } = await createExternalContract(
      ctx,
      b,
      key === undefined ? {} : { idempotencyKey: key },
    );
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(201).json({
      contract: {
        id: contract.id,
        kind: contract.kind,
        organizationId: contract.organizationId,
        managerEmail: b.managerEmail,
        period: contract.period,
        currency: contract.currency,
        currentPeriodStart: contract.currentPeriodStart.toISOString(),
        currentPeriodEnd: contract.currentPeriodEnd.toISOString(),
        status: contract.status,
        createdAt: contract.createdAt.toISOString(),
      },
      seats,
    });
  };
