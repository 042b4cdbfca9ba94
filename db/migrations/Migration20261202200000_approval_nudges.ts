import { Migration } from '@mikro-orm/migrations';

// A purchase nobody answers reminds its approvers, then goes to the owner as well, each once:
// reminded_at / escalated_at are set by a conditional update, so two workers nudge once. The
// organization may set both timings (null: the defaults).
export class Migration20261202200000_approval_nudges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table purchase_request add column reminded_at timestamptz, add column escalated_at timestamptz;
alter table organization add column approval_remind_hours integer, add column approval_escalate_hours integer;
create index purchase_request_awaiting_nudge on purchase_request (created_at)
  where status = 'pending' and needs = 'approval' and escalated_at is null;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index purchase_request_awaiting_nudge;
alter table organization drop column approval_remind_hours, drop column approval_escalate_hours;
alter table purchase_request drop column reminded_at, drop column escalated_at;
`);
  }
}
