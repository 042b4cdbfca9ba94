import { Migration } from '@mikro-orm/migrations';

// Teams: who is who, where to write to them, which organization a tenant belongs to, and the
// cards the bot posted (so a decision updates every copy in place).
//
// teams_user: one row per AAD object id; the email (from the roster) is cached so a message does
// not cost a roster call, and the conversation reference (JSON) is what proactive messages use.
// teams_tenant: a tenant is bound to one organization (see adapters/teams/tenant.ts).
// teams_card: a posted card per recipient, keyed by what it is about (e.g. a purchase request), with
// its neutral reply, so it can be re-rendered for refresh invokes and updated when decided.
export class Migration20261122050000_teams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table teams_user (
  aad_object_id text primary key,
  tenant_id text not null,
  account_id uuid references account(id) on delete set null deferrable initially deferred,
  email text,
  user_id text not null,
  conversation_reference jsonb,
  updated_at timestamptz not null
);
create index teams_user_account on teams_user (account_id);
create index teams_user_email on teams_user (lower(email));

create table teams_tenant (
  tenant_id text primary key,
  organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
  bound_by uuid references account(id) on delete set null deferrable initially deferred,
  bound_at timestamptz not null
);

create table teams_card (
  card_key text not null,
  aad_object_id text not null references teams_user(aad_object_id) on delete cascade,
  activity_id text not null,
  reply jsonb not null,
  decided boolean not null default false,
  updated_at timestamptz not null,
  primary key (card_key, aad_object_id)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists teams_card');
    this.addSql('drop table if exists teams_tenant');
    this.addSql('drop table if exists teams_user');
  }
}
