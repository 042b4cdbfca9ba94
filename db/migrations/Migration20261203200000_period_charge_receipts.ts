import { Migration } from '@mikro-orm/migrations';

// period_charge.receipt_sent_at: when the charge's receipt was sent (null: not yet). Kept
// explicitly rather than read from charge_ref, which stands for several things (the roll's
// subscription in Stripe mode, a dunned invoice, a ledger charge), so "sent once" is one
// conditional update, whichever path (roll, dunning, Stripe's cycle invoice) gets there first.
// Backfill: every paid charge had its receipt sent when it was paid, but a Stripe roll's
// (retries 0, the subscription as its ref): no money had moved, its cycle invoice sends it.
export class Migration20261203200000_period_charge_receipts extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table period_charge add column receipt_sent_at timestamptz;');
    this.addSql(
      `update period_charge set receipt_sent_at = updated_at
       where status = 'paid' and not (retries = 0 and coalesce(charge_ref, '') like 'sub_%');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table period_charge drop column receipt_sent_at;');
  }
}
