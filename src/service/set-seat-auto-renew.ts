import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { lockContract } from './support/contracts.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorize, requireMemberByEmail } from './support/lookups.ts';
import { refuseWhileRenewing } from './support/period-charges.ts';
import { audit } from './support/records.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { requireNotFrozen, seatOf } from './support/seats.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField, member: emailField, autoRenew: z.boolean() });

/**
 * Turns a seat's auto-renew on or off. Off: the seat stays usable until the period ends, then
 * it is not renewed and not billed. The billing provider learns the next period's quantity
 * after the change commits (a provider failure is recorded and retried, never undoes it).
 */
export const setSeatAutoRenew = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  const result = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'assign');
    const { account, membership } = await requireMemberByEmail(em, org, cmd.member);
    const held = await seatOf(em, membership.id);
    if (!held)
      throw new DomainError(
        'conflict',
        { key: 'errors_service.seat.none', args: { email: account.email } },
        { key: 'errors_service.seat.none_next' },
      );
    requireNotFrozen(held.contract);
    // the roll prices renewing seats under this lock: no change between its pricing and applying
    const contract = (await lockContract(em, held.contract.id))!;
    await refuseWhileRenewing(em, contract, ctx.clock.now());
    if (held.seat.autoRenew === cmd.autoRenew) {
      throw new DomainError(
        'conflict',
        {
          key: 'errors_service.seat.auto_renew_same',
          args: { state: cmd.autoRenew ? 'on' : 'off', email: account.email },
        },
        { key: 'errors_service.common.nothing_to_do' },
      );
    }
    held.seat.autoRenew = cmd.autoRenew;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'seat.auto_renew',
      subject: { type: 'seat', id: held.seat.id },
      before: { autoRenew: !cmd.autoRenew },
      after: { autoRenew: cmd.autoRenew, email: account.email },
    });
    return {
      member: account,
      seat: held.seat,
      renewsOn: cmd.autoRenew ? held.contract.currentPeriodEnd : null,
      endsAt: cmd.autoRenew ? null : held.contract.currentPeriodEnd,
    };
  });
  await syncRenewalSchedules(ctx, [result.seat.contractId]);
  return result;
};
