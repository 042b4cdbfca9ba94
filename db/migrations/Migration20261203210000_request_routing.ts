import { Migration } from '@mikro-orm/migrations';

// purchase_request.routed_at: when a request went to its approvers. A member's request for seats
// of a plan some of which nobody uses waits (null) until they choose: ask the holders to give
// them back, or buy anyway. Its reminders count from then. Every request asked of approvers
// before this was sent when it was made.
export class Migration20261203210000_request_routing extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table purchase_request add column routed_at timestamptz;');
    this.addSql("update purchase_request set routed_at = created_at where needs = 'approval';");
    // the nudge job walks requests by when they were sent, not made
    this.addSql('drop index if exists purchase_request_awaiting_nudge;');
    this.addSql(
      `create index purchase_request_awaiting_nudge on purchase_request (routed_at)
       where status = 'pending' and needs = 'approval' and escalated_at is null and routed_at is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists purchase_request_awaiting_nudge;');
    this.addSql('alter table purchase_request drop column routed_at;');
    this.addSql(
      `create index purchase_request_awaiting_nudge on purchase_request (created_at)
       where status = 'pending' and needs = 'approval' and escalated_at is null;`,
    );
  }
}
