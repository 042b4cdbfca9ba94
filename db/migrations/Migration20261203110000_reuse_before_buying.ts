import { Migration } from '@mikro-orm/migrations';

// Reuse before you buy: an idle-seat offer sent because someone asked to buy seats of its plan
// names that request, so a seat given back shrinks it; a request that every seat given back
// covered ends `covered`, nothing bought.
export class Migration20261203110000_reuse_before_buying extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table idle_offer add column for_request_id uuid references purchase_request(id) on delete set null deferrable initially deferred;',
    );
    this.addSql(
      'create index idle_offer_for_request on idle_offer (for_request_id) where for_request_id is not null;',
    );
    this.addSql('alter table purchase_request drop constraint if exists purchase_request_status_check;');
    this.addSql(
      "alter table purchase_request add constraint purchase_request_status_check check (status in ('pending', 'approved', 'charged', 'payment_failed', 'rejected', 'expired', 'covered'));",
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table purchase_request drop constraint if exists purchase_request_status_check;');
    this.addSql(
      "alter table purchase_request add constraint purchase_request_status_check check (status in ('pending', 'approved', 'charged', 'payment_failed', 'rejected', 'expired'));",
    );
    this.addSql('drop index if exists idle_offer_for_request;');
    this.addSql('alter table idle_offer drop column for_request_id;');
  }
}
