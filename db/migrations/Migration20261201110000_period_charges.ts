import { Migration } from '@mikro-orm/migrations';

// Money owed for a contract's period, as rows: the renewal invoice and the new-period share of a
// purchase settled after the renewal was priced; dunning works on them.
//
// period_charge (kind 'renewal'): written by the roll's first step, under the contract's lock,
// with exactly the seats it bills. It is the snapshot the roll charges and applies (a resumed
// roll charges the same figure), and while it is 'charging' auto-renew changes wait, so the
// seats removed at the roll are the ones that were not billed.
// period_charge (kind 'late_purchase'): a purchase approved in one period and settled after that
// period's renewal was priced; its seats are billed for the new period too, as if they had been
// there at the renewal (same graduated tiers).
// status: charging (the charge's outcome is not recorded yet) → paid | unpaid (declined: dunning
// retries at next_retry_at, 1, 3, 5 and 7 days after failed_at) → suspended (the last try
// failed; the contract's paid seats are suspended until a later payment).
// contract.suspended_at: set while the contract's seats are suspended for an unpaid charge.
export class Migration20261201110000_period_charges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table period_charge (
  id uuid primary key,
  contract_id uuid not null references contract(id) on delete cascade deferrable initially deferred,
  kind text not null check (kind in ('renewal', 'late_purchase')),
  period_start timestamptz not null,
  period_end timestamptz not null,
  request_id uuid references purchase_request(id) on delete cascade deferrable initially deferred,
  items jsonb not null,
  amount bigint not null check (amount >= 0),
  currency text not null,
  payer_id uuid not null references account(id) deferrable initially deferred,
  idempotency_key text not null unique,
  status text not null check (status in ('charging', 'paid', 'unpaid', 'suspended')),
  charge_ref text,
  failure_reason text,
  failed_at timestamptz,
  retries integer not null default 0,
  next_retry_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((kind = 'renewal') = (request_id is null))
);
create unique index period_charge_renewal on period_charge (contract_id, period_start) where kind = 'renewal';
create unique index period_charge_late on period_charge (request_id, period_start) where kind = 'late_purchase';
create index period_charge_collect on period_charge (next_retry_at) where status in ('unpaid', 'suspended');
create index period_charge_open on period_charge (updated_at) where status = 'charging';

alter table contract add column suspended_at timestamptz;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table contract drop column suspended_at; drop table period_charge;');
  }
}
