import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractSchema, OrganizationSchema } from '../../db/schemas/index.ts';
import type { Contract } from '../domain/model.ts';
import type { ServiceContext } from './context.ts';
import { IDLE_AFTER_DAYS, IDLE_SINCE } from './offer-idle-seats.ts';
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
  const endingRows = await em.execute<{ plan_code: string; email: string | null }[]>(
    `select s.plan_code, a.email
     from seat s
     left join membership m on m.id = s.membership_id
     left join account a on a.id = m.account_id
     where s.contract_id = ? and not s.auto_renew
     order by s.plan_code, a.email nulls last`,
    [contract.id],
  );
  const ending: RenewalReminderPayload['ending'] = [];
  for (const r of endingRows) {
    let entry = ending.find((e) => e.plan === r.plan_code);
    if (!entry) {
      entry = { plan: r.plan_code, count: 0, holders: [] };
      ending.push(entry);
    }
    entry.count++;
    if (r.email && entry.holders.length < LIST_CAP) entry.holders.push(r.email);
  }
  const idleBefore = new Date(now.getTime() - IDLE_AFTER_DAYS * DAY_MS);
  const [idleCount] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from seat s
     where s.contract_id = ? and s.membership_id is not null and ${IDLE_SINCE} <= ?`,
    [contract.id, idleBefore],
  );
  const idleRows = await em.execute<{ plan_code: string; email: string; idle_since: Date | string }[]>(
    `select s.plan_code, a.email, ${IDLE_SINCE} as idle_since
     from seat s
     join membership m on m.id = s.membership_id
     join account a on a.id = m.account_id
     where s.contract_id = ? and s.membership_id is not null and ${IDLE_SINCE} <= ?
     order by idle_since, a.email
     limit ?`,
    [contract.id, idleBefore, LIST_CAP],
  );
  return {
    contractId: contract.id,
    organizationName,
    renewalDate: contract.currentPeriodEnd.toISOString(),
    endingCount: endingRows.length,
    ending,
    idleCount: idleCount?.n ?? 0,
    idle: idleRows.map((r) => {
      const since = new Date(r.idle_since);
      return {
        email: r.email,
        plan: r.plan_code,
        idleSince: since.toISOString(),
        idleDays: Math.floor((now.getTime() - since.getTime()) / DAY_MS),
      };
    }),
    nextCharge: await nextCharge(em, contract),
  };
};

/**
 * Sends one contract's renewal summary if it is due and nobody sent it yet. The reminder row
 * (contract, period end) is claimed with INSERT … ON CONFLICT DO NOTHING in the same
 * transaction as the messages: a concurrent run waits on that row and then finds it taken, so
 * the summary goes out once per contract and period. Returns whether this run sent it.
 */
const remindContract = async (ctx: ServiceContext, contractId: string): Promise<boolean> =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const horizon = new Date(now.getTime() + REMINDER_LEAD_DAYS * DAY_MS);
    const contract = await em.findOne(ContractSchema, { id: contractId });
    if (!contract || contract.status !== 'active') return false;
    if (contract.currentPeriodEnd <= now || contract.currentPeriodEnd > horizon) return false;
    const org =
      contract.organizationId && !contract.disconnectedAt
        ? await em.findOne(OrganizationSchema, { id: contract.organizationId })
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

    const claimed = await em.execute<{ contract_id: string }[]>(
      `insert into renewal_reminder (contract_id, period_end, sent_at) values (?, ?, ?)
       on conflict (contract_id, period_end) do nothing
       returning contract_id`,
      [contract.id, contract.currentPeriodEnd, now],
    );
    if (claimed.length === 0) return false;

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
  const due = await ctx.em.fork().execute<{ id: string }[]>(
    `select c.id from contract c
     where c.status = 'active' and c.current_period_end > ? and c.current_period_end <= ?
       and not exists (
         select 1 from renewal_reminder r where r.contract_id = c.id and r.period_end = c.current_period_end)
     order by c.current_period_end, c.id
     limit ?`,
    [now, horizon, opts.limit ?? 500],
  );
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
