import { Migration } from '@mikro-orm/migrations';

// An approver away names a delegate who may decide purchases for them until a day (`delegate`).
// One delegate per approver and organization; purchase_request.on_behalf_of_id keeps whose
// approval a delegate gave, so every message about the decision can say "on behalf of".
export class Migration20261202100000_approval_delegates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table approval_delegate (
  id uuid primary key,
  organization_id uuid not null references organization (id) on delete cascade,
  approver_id uuid not null references account (id),
  delegate_id uuid not null references account (id),
  until timestamptz not null,
  created_at timestamptz not null,
  unique (organization_id, approver_id),
  check (approver_id <> delegate_id)
);
create index approval_delegate_by_delegate on approval_delegate (organization_id, delegate_id);
alter table purchase_request add column on_behalf_of_id uuid references account (id);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table purchase_request drop column on_behalf_of_id;
drop table approval_delegate;
`);
  }
}
