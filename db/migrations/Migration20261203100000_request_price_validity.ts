import { Migration } from '@mikro-orm/migrations';

// A request waiting for an approver stays open for days (reminded at 24 h, escalated at 72 h by
// default), but its price holds for 24 h: approved later, it is priced again for the days then
// left. quote_expires_at is when the request closes; price_valid_until when its price does
// (null for requests from before, whose price held until they closed).
export class Migration20261203100000_request_price_validity extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table purchase_request add column price_valid_until timestamptz;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table purchase_request drop column price_valid_until;');
  }
}
