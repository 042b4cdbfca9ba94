import { Migration } from '@mikro-orm/migrations';

// Who is acting and for which organization, kept in the core for every chat platform.
//
// chat_identity: a platform user (Slack user of a team, Teams AAD object of a tenant) verified
// once (a confirmed Slack email; the AAD object id in its tenant) and bound to an account from
// then on. A profile email that changes later does not move the identity to another account.
// workspace_link: the Slack workspaces and Teams tenants an organization serves. Written by
// `org create` there, or by `org link <code>`; never implicitly. One organization per workspace.
// link_code: the one-time codes of `org link`, stored hashed, valid 24 hours, used once.
//
// The implicit bindings of slack_workspace and teams_tenant become links, and Teams users known
// by AAD object id become identities (Slack users verify again: their confirmation is unknown).
// Teams cards are keyed by the subject they decide (`purchase:<id>`), as in Slack.
export class Migration20261201000000_identities_and_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table chat_identity (
  platform text not null check (platform in ('slack', 'teams')),
  workspace_id text not null,
  user_id text not null,
  account_id uuid not null references account(id) on delete cascade deferrable initially deferred,
  verified_at timestamptz not null,
  primary key (platform, workspace_id, user_id)
);
create index chat_identity_account on chat_identity (account_id);

create table workspace_link (
  platform text not null check (platform in ('slack', 'teams')),
  workspace_id text not null,
  organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
  linked_by uuid references account(id) on delete set null deferrable initially deferred,
  linked_at timestamptz not null,
  primary key (platform, workspace_id)
);
create index workspace_link_organization on workspace_link (organization_id);

create table link_code (
  id uuid primary key,
  organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
  code_hash text not null unique,
  issued_by uuid references account(id) on delete set null deferrable initially deferred,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  used_platform text,
  used_workspace_id text
);
create index link_code_organization on link_code (organization_id);

insert into workspace_link (platform, workspace_id, organization_id, linked_by, linked_at)
  select 'slack', w.team_id, w.organization_id, (select a.id from account a where a.email = lower(w.bound_by)), w.bound_at
  from slack_workspace w;
insert into workspace_link (platform, workspace_id, organization_id, linked_by, linked_at)
  select 'teams', t.tenant_id, t.organization_id, t.bound_by, t.bound_at from teams_tenant t;
insert into chat_identity (platform, workspace_id, user_id, account_id, verified_at)
  select 'teams', u.tenant_id, u.aad_object_id, u.account_id, u.updated_at
  from teams_user u where u.account_id is not null
  on conflict do nothing;
drop table slack_workspace;
drop table teams_tenant;

update teams_card set card_key = 'purchase:' || substr(card_key, length('requestId:') + 1)
  where card_key like 'requestId:%';
update teams_card set card_key = 'invitation:' || substr(card_key, length('invitationId:') + 1)
  where card_key like 'invitationId:%';
update teams_card set card_key = 'idle:' || substr(card_key, length('offerId:') + 1)
  where card_key like 'offerId:%';
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
create table slack_workspace (
  team_id text primary key,
  organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
  bound_by text not null,
  bound_at timestamptz not null default now()
);
create index slack_workspace_org on slack_workspace (organization_id);
create table teams_tenant (
  tenant_id text primary key,
  organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
  bound_by uuid references account(id) on delete set null deferrable initially deferred,
  bound_at timestamptz not null
);
insert into slack_workspace (team_id, organization_id, bound_by, bound_at)
  select l.workspace_id, l.organization_id, coalesce((select email from account a where a.id = l.linked_by), ''), l.linked_at
  from workspace_link l where l.platform = 'slack';
insert into teams_tenant (tenant_id, organization_id, bound_by, bound_at)
  select workspace_id, organization_id, linked_by, linked_at from workspace_link where platform = 'teams';
drop table link_code;
drop table workspace_link;
drop table chat_identity;
`);
  }
}
