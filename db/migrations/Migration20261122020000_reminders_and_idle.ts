import { Migration } from '@mikro-orm/migrations';

// Renewal reminders and idle-seat offers.
//
// renewal_reminder: one row per contract and period end, claimed with INSERT … ON CONFLICT DO
// NOTHING in the transaction that queues the summary, so the summary goes out once per contract
// and period however often (and however many workers) the job runs.
//
// idle_offer: "keep or give back" offers to holders of idle seats. The partial unique index
// keeps one open offer per seat; the due index serves the reclaim job. Offers go with their
// seat, membership or contract when those rows are deleted (a seat ending at renewal, an unpaid
// organization undone); the audit trail keeps their history. Foreign keys are checked at commit
// (deferred), like the initial migration's.
export class Migration20261122020000_reminders_and_idle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table renewal_reminder (
  contract_id uuid not null references contract(id) on delete cascade deferrable initially deferred,
  period_end timestamptz not null,
  sent_at timestamptz not null,
  primary key (contract_id, period_end)
);

create table idle_offer (
  id uuid primary key,
  seat_id uuid not null references seat(id) on delete cascade deferrable initially deferred,
  membership_id uuid not null references membership(id) on delete cascade deferrable initially deferred,
  offered_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > offered_at),
  status text not null check (status in ('open', 'kept', 'given_back', 'reclaimed', 'void')),
  decided_at timestamptz,
  check ((status = 'open') = (decided_at is null))
);
create unique index idle_offer_one_open on idle_offer (seat_id) where status = 'open';
create index idle_offer_due on idle_offer (expires_at) where status = 'open';
create index idle_offer_membership on idle_offer (membership_id);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists idle_offer');
    this.addSql('drop table if exists renewal_reminder');
  }
}
