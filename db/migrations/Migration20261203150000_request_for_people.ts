import { Migration } from '@mikro-orm/migrations';

// `add 3 pro for @ann @bob`: the members a request's seats are for, in the order named. Each one
// is taken off once a seat is theirs (a seat given back for the request, or one it bought).
export class Migration20261203150000_request_for_people extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "alter table purchase_request add column for_membership_ids jsonb not null default '[]'::jsonb;",
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table purchase_request drop column for_membership_ids;');
  }
}
