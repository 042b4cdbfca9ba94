import { Migration } from '@mikro-orm/migrations';

// The seat summary counts seats per contract and plan; with membership and auto-renew in the
// index it reads the index alone (index-only scan) instead of every seat row.
export class Migration20261122010000_seat_tally_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index seat_tally on seat (contract_id, plan_code) include (membership_id, auto_renew)',
    );
    this.addSql('drop index if exists seat_contract_plan');
  }

  override async down(): Promise<void> {
    this.addSql('create index seat_contract_plan on seat (contract_id, plan_code)');
    this.addSql('drop index if exists seat_tally');
  }
}
