import { Migration } from '@mikro-orm/migrations';

// Slack adapter state. None of it is business data: losing it only means re-installing or
// re-looking-up users.
//
// slack_installation: OAuth installs (multi-workspace mode), one per team or enterprise; the
// installation (tokens included) is stored encrypted (AES-256-GCM, random IV per write).
// slack_workspace: which organization a workspace acts for (one per workspace). Commands in a
// workspace see only that organization.
// slack_user: the email Slack shows for a user (users.info / users.lookupByEmail), cached.
// slack_message: each posted copy of a notice with buttons (approval request, invitation, …),
// so every copy can be updated with chat.update once someone decides.
export class Migration20261122030000_slack extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table slack_installation (
  install_key text primary key,
  team_id text,
  enterprise_id text,
  sealed text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table slack_workspace (
  team_id text primary key,
  organization_id uuid not null references organization(id) on delete cascade,
  bound_by text not null,
  bound_at timestamptz not null default now()
);
create index slack_workspace_org on slack_workspace (organization_id);

create table slack_user (
  team_id text not null,
  user_id text not null,
  email text check (email = lower(email)),
  fetched_at timestamptz not null default now(),
  primary key (team_id, user_id)
);
create index slack_user_email on slack_user (email);

create table slack_message (
  id bigserial primary key,
  subject text not null,
  team_id text not null,
  channel text not null,
  ts text not null,
  user_id text not null,
  reply jsonb not null,
  decision text,
  result text,
  created_at timestamptz not null default now(),
  unique (channel, ts)
);
create index slack_message_subject on slack_message (subject);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists slack_message');
    this.addSql('drop table if exists slack_user');
    this.addSql('drop table if exists slack_workspace');
    this.addSql('drop table if exists slack_installation');
  }
}
