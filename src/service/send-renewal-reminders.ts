import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById, organizationById } from '../../db/repositories/contracts.ts';
import {
  claimReminder,
  contractsDueForReminder,
  endingSeatHolders,
  idleSeatCount,
  idleSeatHolders,
} from '../../db/repositories/renewal-reminders.ts';
import type { Contract } from '../domain/model.ts';
import type { ServiceContext } from './context.ts';
import { IDLE_AFTER_DAYS } from './offer-idle-seats.ts';
import { approversOf } from './support/purchase.ts';
import { audit, notify } from './support/records.ts';
import { renewalCharge } from './support/renewal-charge.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { inTransaction } from './support/tx.ts';

/** How long before the renewal date the approvers get their summary. */
export const REMINDER_LEAD_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;
/** at most this many names per list in one message; the counts stay exact */
const LIST_CAP = 50;

export interface RenewalReminderPayload {
  [key: string]: unknown;
  contractId: string;
  organizationName: string | null;
  renewalDate: string;
  /** seats with auto-renew off, per plan, with the people holding them (free ones hold nobody) */
  endingCount: number;
  ending: { plan: string; count: number; holders: string[] }[];
  /** held seats unused for IDLE_AFTER_DAYS or more (first LIST_CAP, longest idle first) */
  idleCount: number;
  idle: { email: string; plan: string; idleSince: string; idleDays: number }[];
  /** the invoice at the renewal date: renewing seats per plan after graduated tiers */
  nextCharge: {
    amount: number;
    currency: string;
    date: string;
    byPlan: { plan: string; seats: number; amount: number }[];
  };
}

/** The next period's charge: the same figure the renewal roll will invoice. */
const nextCharge = async (em: EntityManager, contract: Contract) => ({
  ...(await renewalCharge(em, contract)),
  currency: contract.currency,
  date: contract.currentPeriodEnd.toISOString(),
});

const summaryOf = async (
  em: EntityManager,
  contract: Contract,
  organizationName: string | null,
  now: Date,
): Promise<RenewalReminderPayload> => {
  const endingRows = await endingSeatHolders(em, contract.id);
  const ending: RenewalReminderPayload['ending'] = [];
  for (const r of endingRows) {
    let entry = ending.find((e) => e.plan === r.planCode);
    if (!entry) {
      entry = { plan: r.planCode, count: 0, holders: [] };
      ending.push(entry);
    }
    entry.count++;
    if (r.email && entry.holders.length < LIST_CAP) entry.holders.push(r.email);
  }
  const idleBefore = new Date(now.getTime() - IDLE_AFTER_DAYS * DAY_MS);
  const idleCount = await idleSeatCount(em, contract.id, idleBefore);
  const idleRows = await idleSeatHolders(em, contract.id, idleBefore, LIST_CAP);
  return {
    contractId: contract.id,
    organizationName,
    renewalDate: contract.currentPeriodEnd.toISOString(),
    endingCount: endingRows.length,
    ending,
    idleCount,
    idle: idleRows.map((r) => ({
      email: r.email,
      plan: r.planCode,
      idleSince: r.idleSince.toISOString(),
      idleDays: Math.floor((now.getTime() - r.idleSince.getTime()) / DAY_MS),
    })),
    nextCharge: await nextCharge(em, contract),
  };
};

/**
 * Sends one contract's renewal summary if it is due and nobody sent it yet. The reminder row
 * (contract, period end) is claimed (an insert that yields on conflict) in the same
 * transaction as the messages: a concurrent run waits on that row and then finds it taken, so
 * the summary goes out once per contract and period. Returns whether this run sent it.
 */
const remindContract = async (ctx: ServiceContext, contractId: string): Promise<boolean> =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const horizon = new Date(now.getTime() + REMINDER_LEAD_DAYS * DAY_MS);
    const contract = await contractById(em, contractId);
    if (!contract || contract.status !== 'active') return false;
    if (contract.currentPeriodEnd <= now || contract.currentPeriodEnd > horizon) return false;
    const org =
      contract.organizationId && !contract.disconnectedAt
        ? await organizationById(em, contract.organizationId)
        : null;
    // an organization's own contract renews only while the organization is active (a
    // cancelling one closes at its paid-through date instead)
    if (contract.kind === 'organization' && org?.status !== 'active') return false;
    // the approvers of the organization using the seats; for a contract bought separately,
    // also its manager, who pays for it
    const recipients = new Set<string>();
    if (org?.status === 'active') for (const m of await approversOf(em, org.id)) recipients.add(m.accountId);
    if (contract.kind === 'external') recipients.add(contract.managerId);
    if (recipients.size === 0) return false;

    if (!(await claimReminder(em, contract.id, contract.currentPeriodEnd, now))) return false;

    const payload = await summaryOf(em, contract, org?.name ?? null, now);
    for (const recipientId of recipients) {
      notify(em, now, {
        organizationId: org?.id ?? null,
        recipientId,
        kind: 'renewal_reminder',
        payload,
      });
    }
    audit(em, now, {
      organizationId: org?.id ?? null,
      actorId: null,
      action: 'contract.renewal_reminder',
      subject: { type: 'contract', id: contract.id },
      after: {
        renewalDate: payload.renewalDate,
        recipients: recipients.size,
        endingCount: payload.endingCount,
        idleCount: payload.idleCount,
        nextCharge: payload.nextCharge.amount,
        currency: payload.nextCharge.currency,
      },
    });
    return true;
  });

/**
 * Seven days before a contract renews, its approvers get a summary: seats ending (auto-renew
 * off), seats idle for 28 days or more, and the next charge. Once per contract and period,
 * however often it runs and however many workers run it at once. A contract whose summary
 * fails stays due for the next run; the others are still sent, then the first error is thrown.
 * Returns how many summaries (contracts) this run sent.
 */
export const sendRenewalReminders = async (
  ctx: ServiceContext,
  opts: { limit?: number } = {},
): Promise<number> => {
  const now = ctx.clock.now();
  const horizon = new Date(now.getTime() + REMINDER_LEAD_DAYS * DAY_MS);
  const due = await contractsDueForReminder(ctx.em.fork(), now, horizon, opts.limit ?? 500);
  let sent = 0;
  const errors: unknown[] = [];
  for (const { id } of due) {
    try {
      if (await remindContract(ctx, id)) sent++;
    } catch (e) {
      errors.push(e);
    }
  }
  // A week ahead of the renewal, the billing provider is told (again) what renews: a safety net
  // before its cycle invoice. Failures are recorded by the sync and retried hourly.
  await syncRenewalSchedules(
    ctx,
    due.map((d) => d.id),
  );
  if (errors.length > 0) throw errors[0];
  return sent;
};
