import type { EntityManager } from '@mikro-orm/postgresql';
import { setChargeInvoice } from '../../../db/repositories/billing-events.ts';
import { periodChargeById } from '../../../db/repositories/period-charges.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Contract, Organization } from '../../domain/model.ts';
import type { CycleInvoice } from '../ports.ts';
import { billingPeople } from './billing-people.ts';
import { renewalOf } from './period-charges.ts';
import { sendPeriodChargeReceipt } from './receipts.ts';
import { audit } from './records.ts';

/**
 * The provider's cycle invoice of the contract's current period was paid: the money for the
 * renewal moved now (the roll only set the quantities), so the renewal's receipt goes out here,
 * to the payer and the approvers, with the invoice as its reference. Once per charge: a renewal
 * dunned and then paid, or a second paid invoice for the period, already has it.
 * An invoice that took another amount than the renewal recorded gets no receipt (it would
 * disagree with the ledger or with the money taken); it is audited for people to look at.
 */
export const sendCycleReceipt = async (
  em: EntityManager,
  now: Date,
  contract: Contract,
  org: Organization,
  invoiceRef: string,
  cycle: CycleInvoice,
): Promise<void> => {
  // Stripe invoiced the period after ours before the roll got to it (the job runs every minute):
  // refused for now, so Stripe delivers it again once the renewal it pays is recorded
  if (
    cycle.periodStart?.getTime() === contract.currentPeriodEnd.getTime() &&
    contract.currentPeriodEnd <= now
  )
    throw new DomainError(
      'billing_unavailable',
      { key: 'errors_service.billing.not_rolled' },
      { key: 'errors_service.billing.not_rolled_next' },
    );
  // the period it bills; an invoice that does not say is the current period's once it is rolled
  const period = cycle.periodStart ?? (contract.currentPeriodEnd > now ? contract.currentPeriodStart : null);
  if (period?.getTime() !== contract.currentPeriodStart.getTime()) return;
  const found = await renewalOf(em, contract.id, contract.currentPeriodStart);
  // locked: a dunning retry recording the same charge waits, then sees the receipt sent
  const renewal = found && (await periodChargeById(em, found.id, true));
  // receipt_sent_at, not charge_ref: that names the subscription after a roll, the invoice after dunning
  if (!renewal || renewal.status !== 'paid' || renewal.receiptSentAt) return;
  if (cycle.total !== renewal.amount || cycle.currency?.toLowerCase() !== renewal.currency.toLowerCase()) {
    audit(em, now, {
      organizationId: org.id,
      actorId: null,
      action: 'billing.invoice_differs',
      subject: { type: 'contract', id: contract.id },
      after: {
        invoice: invoiceRef,
        chargeId: renewal.id,
        charged: { amount: renewal.amount, currency: renewal.currency },
        invoiced: { amount: cycle.total, currency: cycle.currency },
      },
    });
    return;
  }
  await setChargeInvoice(em, renewal.id, invoiceRef);
  await sendPeriodChargeReceipt(
    em,
    now,
    { ...renewal, chargeRef: invoiceRef },
    invoiceRef,
    org,
    await billingPeople(em, renewal.payerId, org.id),
  );
};
