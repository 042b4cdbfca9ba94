import { Migration } from '@mikro-orm/migrations';

// Stripe billing.
//
// organization.status gains 'pending': created, but its payment method is not confirmed yet
// (Stripe Checkout in setup mode, or a first invoice that was declined). It replaces deleting
// an unpaid organization's rows.
//
// purchase_request.billing_quantity: the plan's quantity the billing provider is asked for,
// fixed at approval so a retry sends the very same request (same idempotency key, same body).
// purchase_request.billing_started_at: a lease on the provider call, so a second click while the
// first is in flight does not call the provider again (cleared when the call fails; a crashed
// holder's lease lapses after a minute and the resume job finishes the purchase).
// purchase_request.billing_ref / awaiting_payment: a payment that Stripe left pending (e.g.
// authentication required); the seats appear if it completes later.
//
// stripe_event: every webhook event applied, by id, written in the transaction of its effect,
// so a redelivered event changes nothing. The other stripe_* tables map our rows to Stripe ids.
export class Migration20261122040000_stripe extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table organization drop constraint organization_status_check;
alter table organization add constraint organization_status_check
  check (status in ('pending', 'active', 'cancelling', 'cancelled', 'deleted'));

alter table purchase_request add column billing_quantity integer check (billing_quantity > 0);
alter table purchase_request add column billing_ref text;
alter table purchase_request add column awaiting_payment boolean not null default false;
alter table purchase_request add column billing_started_at timestamptz;
create index purchase_request_awaiting on purchase_request (contract_id) where awaiting_payment;

create table stripe_event (
  id text primary key,
  type text not null,
  received_at timestamptz not null
);

create table stripe_customer (
  organization_id uuid primary key references organization(id) on delete cascade deferrable initially deferred,
  customer_id text not null unique,
  checkout_session_id text,
  checkout_url text,
  created_at timestamptz not null
);

create table stripe_subscription (
  contract_id uuid primary key references contract(id) on delete cascade deferrable initially deferred,
  subscription_id text not null unique,
  created_at timestamptz not null
);

create table stripe_subscription_item (
  contract_id uuid not null references contract(id) on delete cascade deferrable initially deferred,
  plan_code text not null,
  item_id text not null unique,
  price_id text not null,
  primary key (contract_id, plan_code)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists stripe_subscription_item');
    this.addSql('drop table if exists stripe_subscription');
    this.addSql('drop table if exists stripe_customer');
    this.addSql('drop table if exists stripe_event');
    this.addSql('drop index if exists purchase_request_awaiting');
    this.addSql(
      'alter table purchase_request drop column billing_started_at, drop column awaiting_payment, drop column billing_ref, drop column billing_quantity',
    );
    this.addSql(`alter table organization drop constraint organization_status_check;
alter table organization add constraint organization_status_check
  check (status in ('active', 'cancelling', 'cancelled', 'deleted'))`);
  }
}
