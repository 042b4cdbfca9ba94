import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { identifyChatUser } from '../../src/service/chat-access.ts';
import { readerLocale } from '../../src/service/reader-locale.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { email, type OrgFixture, orgWith } from '../support/fixtures.ts';
import { linkWorkspace } from '../support/links.ts';

// Whose language: the person's choice (`language`), else what their platform reports (Slack's
// users.info locale at first contact, a Teams activity's locale every time), else the linked
// organization's default, else English.
let db: TestDb;
let acme: OrgFixture;
const slack = { platform: 'slack' as const, workspaceId: 'T-LANG' };
const teams = { platform: 'teams' as const, workspaceId: 'tenant-lang' };

beforeAll(async () => {
  db = await freshDb();
  acme = await orgWith(db, { name: 'Acme', admins: 1, members: 2 });
  await linkWorkspace(db, slack, acme.org.id);
  await linkWorkspace(db, teams, acme.org.id);
});
afterAll(() => db.close());

const profile = (address: string, locale?: string) => async () => ({
  email: address,
  confirmed: true,
  locale: locale ?? null,
});

const say = async (who: string, text: string, locale?: CommandContext['locale']) =>
  runCommand(
    { service: db.ctx, actor: { email: who }, workspace: slack, organizationId: acme.org.id, locale },
    text,
  );

describe('the reader language', () => {
  it('is the Slack locale seen at first contact, and stays known afterwards', async () => {
    const who = acme.members[0]!.email;
    const first = await identifyChatUser(db.ctx, { ...slack, userId: 'U-FR' }, profile(who, 'fr-FR'));
    expect(first.locale).toBe('fr');
    let asked = false;
    const again = await identifyChatUser(db.ctx, { ...slack, userId: 'U-FR' }, async () => {
      asked = true;
      return { email: who, confirmed: true };
    });
    expect(again.locale).toBe('fr');
    expect(asked).toBe(false);
    expect(await readerLocale(db.ctx, { email: who })).toBe('fr');
  });

  it('follows the locale a Teams activity reports, and falls back to English for one we do not speak', async () => {
    const who = acme.members[1]!.email;
    const user = { ...teams, userId: 'aad-nl' };
    expect((await identifyChatUser(db.ctx, user, profile(who), 'nl-NL')).locale).toBe('nl');
    expect((await identifyChatUser(db.ctx, user, profile(who), 'fr-BE')).locale).toBe('fr');
    expect((await identifyChatUser(db.ctx, user, profile(who), 'de-DE')).locale).toBe('en');
  });

  it('is the person’s own choice over the platform, until they say auto', async () => {
    const who = acme.members[0]!.email;
    const chose = await say(who, 'language nl');
    expect(chose.tone).toBe('ok');
    expect(chose.text).toBe('Vanaf nu schrijf ik je in het Nederlands.');
    expect((await identifyChatUser(db.ctx, { ...slack, userId: 'U-FR' }, profile(who))).locale).toBe('nl');
    const shown = await say(who, 'language', 'nl');
    expect(shown.text).toContain('Ik schrijf je in het Nederlands.');
    const auto = await say(who, 'language auto', 'nl');
    expect(auto.tone).toBe('ok');
    expect((await identifyChatUser(db.ctx, { ...slack, userId: 'U-FR' }, profile(who))).locale).toBe('fr');
  });

  it('is the organization default for people nothing else tells about; only admins set it', async () => {
    const stranger = email('quiet');
    const member = await say(acme.members[1]!.email, 'language org fr');
    expect(member.tone).toBe('error');
    expect(member.code).toBe('forbidden');
    expect((await identifyChatUser(db.ctx, { ...slack, userId: 'U-QUIET' }, profile(stranger))).locale).toBe(
      'en',
    );
    const admin = await say(acme.admins[0]!.email, 'language org fr');
    expect(admin.tone).toBe('ok');
    expect(admin.text).toBe('People whose language I do not know now read me in French.');
    expect((await identifyChatUser(db.ctx, { ...slack, userId: 'U-QUIET' }, profile(stranger))).locale).toBe(
      'fr',
    );
    expect(await readerLocale(db.ctx, { email: stranger }, acme.org.id)).toBe('fr');
  });

  it('refuses a language it does not speak in one line, changing nothing', async () => {
    const who = acme.admins[0]!.email;
    const r = await say(who, 'language de');
    expect(r.tone).toBe('error');
    expect(r.text).toBe('Say en, fr or nl (or auto): `language [en|fr|nl|auto] | language org en|fr|nl`.');
    expect(await readerLocale(db.ctx, { email: who }, acme.org.id)).toBe('fr');
  });
});
