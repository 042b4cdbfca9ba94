import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../src/i18n/locale.ts';

/** The language a person chose; null: follow their platform again. */
export const setAccountLanguage = (em: EntityManager, accountId: string, language: Locale | null, at: Date) =>
  em.execute('update account set language = ?, updated_at = ? where id = ?', [language, at, accountId]);

/** Remembers the locale a platform reported, when it changed (one cheap statement, rarely run). */
export const notePlatformLocale = (em: EntityManager, accountId: string, locale: string) =>
  em.execute('update account set platform_locale = ? where id = ? and platform_locale is distinct from ?', [
    locale.slice(0, 35),
    accountId,
    locale.slice(0, 35),
  ]);

/** Remembers the time zone a platform reported, when it changed. */
export const notePlatformZone = (em: EntityManager, accountId: string, zone: string) =>
  em.execute('update account set platform_zone = ? where id = ? and platform_zone is distinct from ?', [
    zone,
    accountId,
    zone,
  ]);

/** An account's languages and an organization's default, in one round trip (any may be null). */
export const accountLanguages = async (
  em: EntityManager,
  who: { accountId: string } | { email: string },
  organizationId: string | null,
) => {
  const [byId, key] = 'accountId' in who ? [true, who.accountId] : [false, who.email.toLowerCase()];
  const rows = await em.execute<
    { language: string | null; platform_locale: string | null; organization_language: string | null }[]
  >(
    `select a.language, a.platform_locale, o.language as organization_language
     from (select 1) one
     left join account a on ${byId ? 'a.id = ?::uuid' : 'a.email = ?'}
     left join organization o on o.id = ?::uuid`,
    [key, organizationId],
  );
  const r = rows[0];
  return {
    language: r?.language ?? null,
    platformLocale: r?.platform_locale ?? null,
    organizationLanguage: r?.organization_language ?? null,
  };
};
