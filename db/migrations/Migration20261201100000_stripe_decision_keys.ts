import { Migration } from '@mikro-orm/migrations';

// Idempotency keys that change exactly when what they stand for changes.
//
// stripe_subscription.cancel_revision: counts the cancel / undo decisions Stripe accepted. It is
// part of the cancel-at-period-end key, so our own retry of an unanswered call is the same
// request, and the next decision (undo, cancel again) a new one.
// stripe_customer.setup_attempt: counts declined first invoices. The subscription and Checkout
// keys carry it, so "add another payment method and retry" is a new request instead of Stripe
// replaying the stored decline for 24 hours.
export class Migration20261201100000_stripe_decision_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table stripe_subscription add column cancel_revision integer not null default 0;
alter table stripe_customer add column setup_attempt integer not null default 0;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table stripe_subscription drop column cancel_revision;
alter table stripe_customer drop column setup_attempt;
`);
  }
}
