import { Migration } from '@mikro-orm/migrations';

// Languages (en, fr, nl). account.language: what the person chose with `language`; null = follow
// their platform. account.platform_locale: the locale their chat platform last reported (Slack's
// users.info, a Teams activity), so messages sent to them later (notices) use it too.
// organization.language: the default for people whose language nothing tells.
export class Migration20261202000000_languages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table account add column language text check (language in ('en', 'fr', 'nl'));
alter table account add column platform_locale text;
alter table organization add column language text check (language in ('en', 'fr', 'nl'));
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table account drop column language;
alter table account drop column platform_locale;
alter table organization drop column language;
`);
  }
}
