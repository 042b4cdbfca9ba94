import { Migration } from '@mikro-orm/migrations';

// Renewal drops reach Stripe ahead of its cycle invoice through a subscription schedule per
// contract (current period as billed, next period at the renewing quantities).
//
// stripe_subscription.schedule_id: the schedule we attached, so contracts that never had a drop
// cost no Stripe call; cleared when it is released.
// stripe_subscription.schedule_revision: counts the schedule changes Stripe accepted. It is part
// of the idempotency keys, so going back to quantities sent earlier (auto-renew off, on, off
// again) is a new request and not a replay of the first one, while a retry of an unanswered
// request reuses its key.
export class Migration20261122070000_stripe_schedules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table stripe_subscription add column schedule_id text,
  add column schedule_revision integer not null default 0;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table stripe_subscription drop column schedule_revision, drop column schedule_id');
  }
}
