import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_PLANS } from '../../src/domain/catalog.ts';

// The schema, with the constraints the seat invariants rest on: one seat per member
// (partial unique index), one owner per organization, one pending invitation per address,
// a contract connected to at most one organization, quantities within bounds. Foreign keys
// are checked at commit (deferred): the unit of work orders inserts by table, not by reference.
export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table account (
  id uuid primary key,
  email text not null unique check (email = lower(email)),
  name text,
  personal_plan text not null check (personal_plan in ('free', 'solo', 'business')),
  payment_method text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table plan (
  code text primary key,
  name text not null,
  rank integer not null,
  currency text not null,
  monthly_price bigint not null check (monthly_price >= 0),
  yearly_price bigint not null check (yearly_price >= 0),
  tiers jsonb not null,
  features jsonb not null,
  limits jsonb not null
);

create table organization (
  id uuid primary key,
  name text not null,
  owner_id uuid not null references account(id) deferrable initially deferred,
  status text not null check (status in ('active', 'cancelling', 'cancelled', 'deleted')),
  auto_assign boolean not null default false,
  auto_approve_below bigint check (auto_approve_below >= 0),
  idle_reclaim boolean not null default true,
  edition text not null default 'standard',
  modules jsonb not null default '[]',
  billing_details jsonb,
  paid_through timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table membership (
  id uuid primary key,
  organization_id uuid not null references organization(id) deferrable initially deferred,
  account_id uuid not null references account(id) deferrable initially deferred,
  role text not null check (role in ('owner', 'admin', 'member')),
  approver boolean not null default false,
  status text not null check (status in ('active', 'detached', 'left')),
  former boolean not null default false,
  joined_at timestamptz not null,
  ended_at timestamptz,
  unique (organization_id, account_id)
);
create unique index membership_one_owner on membership (organization_id) where role = 'owner';
create index membership_account on membership (account_id);

create table invitation (
  id uuid primary key,
  organization_id uuid not null references organization(id) deferrable initially deferred,
  email text not null check (email = lower(email)),
  role text not null check (role in ('admin', 'member')),
  plan_code text references plan(code) deferrable initially deferred,
  invited_by_id uuid not null references account(id) deferrable initially deferred,
  status text not null check (status in ('pending', 'accepted', 'declined', 'revoked', 'expired')),
  expires_at timestamptz not null,
  created_at timestamptz not null,
  decided_at timestamptz
);
create unique index invitation_one_pending on invitation (organization_id, email) where status = 'pending';
create index invitation_email on invitation (email) where status = 'pending';

create table contract (
  id uuid primary key,
  kind text not null check (kind in ('organization', 'external')),
  organization_id uuid references organization(id) deferrable initially deferred,
  manager_id uuid not null references account(id) deferrable initially deferred,
  period text not null check (period in ('month', 'year')),
  currency text not null,
  current_period_start timestamptz not null,
  current_period_end timestamptz not null check (current_period_end > current_period_start),
  status text not null check (status in ('active', 'ended')),
  disconnected_at timestamptz,
  connection_key_hash text unique,
  connection_key_expires_at timestamptz,
  created_at timestamptz not null
);
create index contract_org on contract (organization_id);

create table seat (
  id uuid primary key,
  contract_id uuid not null references contract(id) deferrable initially deferred,
  plan_code text not null references plan(code) deferrable initially deferred,
  membership_id uuid references membership(id) deferrable initially deferred,
  auto_renew boolean not null default true,
  assigned_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz not null,
  check ((membership_id is null) = (assigned_at is null))
);
create unique index seat_one_per_member on seat (membership_id) where membership_id is not null;
create index seat_free on seat (contract_id, plan_code) where membership_id is null;
create index seat_contract_plan on seat (contract_id, plan_code);

create table purchase_request (
  id uuid primary key,
  organization_id uuid not null references organization(id) deferrable initially deferred,
  contract_id uuid not null references contract(id) deferrable initially deferred,
  plan_code text not null references plan(code) deferrable initially deferred,
  quantity integer not null check (quantity between 1 and 10000),
  requested_by_id uuid not null references account(id) deferrable initially deferred,
  needs text not null check (needs in ('approval', 'confirmation')),
  status text not null check (status in ('pending', 'approved', 'charged', 'payment_failed', 'rejected', 'expired')),
  currency text not null,
  prorated_amount bigint not null check (prorated_amount >= 0),
  recurring_total bigint not null check (recurring_total >= 0),
  proration_date timestamptz not null,
  quote_expires_at timestamptz not null,
  decided_by_id uuid references account(id) deferrable initially deferred,
  decided_at timestamptz,
  charge_ref text,
  failure_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index purchase_request_org on purchase_request (organization_id, status);

create table audit_event (
  id uuid primary key,
  organization_id uuid references organization(id) deferrable initially deferred,
  actor_id uuid references account(id) deferrable initially deferred,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  before jsonb,
  after jsonb,
  at timestamptz not null
);
create index audit_event_org on audit_event (organization_id, at desc);

create table outbox (
  id uuid primary key,
  organization_id uuid references organization(id) deferrable initially deferred,
  recipient_id uuid not null references account(id) deferrable initially deferred,
  kind text not null,
  payload jsonb not null,
  status text not null check (status in ('pending', 'sent', 'parked')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status = 'pending';

create table usage_record (
  account_id uuid not null references account(id) deferrable initially deferred,
  resource_type text not null,
  resource_id text not null,
  metric text not null,
  value bigint not null,
  active boolean not null,
  reported_at timestamptz not null,
  primary key (account_id, resource_type, resource_id, metric)
);

create table ledger_charge (
  id uuid primary key,
  idempotency_key text not null unique,
  payer_id uuid not null references account(id) deferrable initially deferred,
  amount bigint not null check (amount >= 0),
  currency text not null,
  description text not null,
  status text not null check (status in ('succeeded', 'failed')),
  failure_reason text,
  created_at timestamptz not null
);
`);
    const knex = this.getKnex();
    for (const p of DEFAULT_PLANS) {
      this.addSql(
        knex('plan').insert({
          code: p.code,
          name: p.name,
          rank: p.rank,
          currency: p.currency,
          monthly_price: p.monthlyPrice,
          yearly_price: p.yearlyPrice,
          tiers: JSON.stringify(p.tiers),
          features: JSON.stringify(p.features),
          limits: JSON.stringify(p.limits),
        }),
      );
    }
  }
}
