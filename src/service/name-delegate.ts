import { z } from 'zod';
import { delegationOf, saveDelegation } from '../../db/repositories/approval-delegates.ts';
import { delegationEnd, lastDelegatedDay } from '../domain/approval-timing.ts';
import { DomainError } from '../domain/errors.ts';
import { isoDay } from '../domain/period.ts';
import type { Actor, ServiceContext } from './context.ts';
import { dayField, emailField, parse, uuidField } from './support/input.ts';
import { authorize, findAccount, membershipOf } from './support/lookups.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

/** long enough for a holiday or a leave, short enough that a forgotten delegation ends */
export const DELEGATION_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

const input = z.object({
  organizationId: uuidField,
  delegate: emailField,
  /** the last day the delegate decides, included (UTC) */
  until: dayField,
});

/**
 * `delegate <who> until <date>`: an approver away names who decides purchases for them until
 * the end of that day (UTC). One delegate per approver; naming another replaces the first. The
 * delegate is told by a direct message.
 */
export const nameDelegate = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'approve');
    if (cmd.delegate === me.email)
      throw new DomainError(
        'invalid_input',
        { key: 'approvals.delegate.self' },
        { key: 'approvals.delegate.self_next' },
      );
    const delegate = await findAccount(em, cmd.delegate);
    const membership = delegate ? await membershipOf(em, org.id, delegate.id) : null;
    if (!delegate || membership?.status !== 'active')
      throw new DomainError(
        'not_found',
        { key: 'approvals.delegate.not_member', args: { email: cmd.delegate, org: org.name } },
        { key: 'approvals.delegate.not_member_next', args: { email: cmd.delegate } },
      );
    const until = delegationEnd(cmd.until);
    if (until.getTime() <= now.getTime())
      throw new DomainError(
        'invalid_input',
        { key: 'approvals.delegate.past', args: { day: cmd.until } },
        { key: 'approvals.delegate.past_next' },
      );
    const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
    if (until.getTime() - today > (DELEGATION_MAX_DAYS + 1) * DAY_MS)
      throw new DomainError(
        'invalid_input',
        { key: 'approvals.delegate.too_far', args: { day: cmd.until, max: DELEGATION_MAX_DAYS } },
        { key: 'approvals.delegate.too_far_next', args: { max: DELEGATION_MAX_DAYS } },
      );
    const before = await delegationOf(em, org.id, me.id);
    await saveDelegation(em, {
      organizationId: org.id,
      approverId: me.id,
      delegateId: delegate.id,
      until,
      at: now,
    });
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'approval.delegated',
      subject: { type: 'account', id: delegate.id },
      before: before ? { email: before.delegateEmail, until: lastDelegatedDay(before.until) } : null,
      after: { email: delegate.email, until: cmd.until },
    });
    // the delegate learns they decide for the approver until that day (again if renamed)
    notify(em, now, {
      organizationId: org.id,
      recipientId: delegate.id,
      kind: 'delegate_named',
      payload: { organizationName: org.name, approver: me.email, until: cmd.until },
    });
    return { organization: org, delegate: { email: delegate.email, name: delegate.name }, until: cmd.until };
  });
};
