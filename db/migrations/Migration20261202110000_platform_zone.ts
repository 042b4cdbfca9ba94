import { Migration } from '@mikro-orm/migrations';

// The time zone a person's chat platform last reported (Slack's users.info tz, a Teams
// activity's clientInfo), so direct messages sent later show times in it instead of UTC.
export class Migration20261202110000_platform_zone extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table account add column platform_zone text;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table account drop column platform_zone;');
  }
}
