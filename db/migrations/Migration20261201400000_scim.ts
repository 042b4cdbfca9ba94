import { Migration } from '@mikro-orm/migrations';

// SCIM 2.0 provisioning from an organization's identity provider.
//
// scim_token: one bearer token per organization (`scim token` shows it once), stored hashed;
// a new one replaces it, `scim off` deletes it.
// scim_user: what the identity provider says about a member beyond the email (externalId, name
// parts), and whether it DELETEd them (a deleted user is no longer a SCIM resource; the
// membership stays, offboarded).
// offboarding_defaults: what offboarding by the identity provider does to the seat; no row =
// all three on.
export class Migration20261201400000_scim extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table scim_token (
  organization_id uuid primary key references organization(id) on delete cascade deferrable initially deferred,
  token_hash text not null unique,
  issued_by uuid references account(id) on delete set null deferrable initially deferred,
  issued_at timestamptz not null
);

create table scim_user (
  membership_id uuid primary key references membership(id) on delete cascade deferrable initially deferred,
  organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
  external_id text,
  given_name text,
  family_name text,
  display_name text,
  deleted_at timestamptz,
  updated_at timestamptz not null
);
create index scim_user_external_id on scim_user (organization_id, external_id);

create table offboarding_defaults (
  organization_id uuid primary key references organization(id) on delete cascade deferrable initially deferred,
  free_seat boolean not null default true,
  stop_auto_renew boolean not null default true,
  mark_former boolean not null default true
);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table offboarding_defaults; drop table scim_user; drop table scim_token;');
  }
}
