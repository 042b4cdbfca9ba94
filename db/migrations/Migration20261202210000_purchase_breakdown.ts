import { Migration } from '@mikro-orm/migrations';

// The quote of a seat purchase taken apart when it is made (tier bands, whole-period price, the
// seconds left): the receipt sent once it is charged shows these very figures.
export class Migration20261202210000_purchase_breakdown extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table purchase_request add column breakdown jsonb;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table purchase_request drop column breakdown;');
  }
}
