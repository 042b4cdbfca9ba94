import { isLocale, type Locale } from '../../i18n/locale.ts';
import { wordsFor } from '../../i18n/words.ts';
import { chooseLanguage } from '../../service/choose-language.ts';
import { updateOrganizationSettings } from '../../service/update-organization-settings.ts';
import { lower, noMore, refuse } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface LanguageCommand {
  name: 'language';
  /** unset: say which one is in use; `auto`: follow the platform again */
  choice?: Locale | 'auto';
  /** `language org <l>`: the organization's default for people whose language is unknown */
  organization?: boolean;
}

const choiceOf = (word: string | undefined, usage: string, allowAuto: boolean): Locale | 'auto' => {
  if (isLocale(word) || (allowAuto && word === 'auto')) return word;
  return refuse({ key: 'common.language.say', args: { auto: allowAuto ? 'yes' : 'no', usage } });
};

export const languageSpec = defineCommand<LanguageCommand>({
  name: 'language',
  syntax: 'language [en|fr|nl|auto] | language org en|fr|nl',
  summary: 'commands_handlers.summary.language',
  example: 'language fr',
  parse: (a, usage) => {
    if (a.length === 0) return {};
    if (lower(a[0]) === 'org') {
      const choice = choiceOf(lower(a[1]), usage, false);
      noMore(a.slice(2), usage);
      return { choice, organization: true };
    }
    const choice = choiceOf(lower(a[0]), usage, true);
    noMore(a.slice(1), usage);
    return { choice };
  },
  run: async (c, cmd) => {
    const w = wordsOf(c);
    if (!cmd.choice)
      return ok(
        w.t('common.language.shown', { language: w.t('common.language.name', { locale: w.locale }) }),
      );
    if (cmd.organization && cmd.choice !== 'auto') {
      const organizationId = await organizationFor(c);
      await updateOrganizationSettings(c.service, c.actor, { organizationId, language: cmd.choice });
      return ok(
        w.t('common.language.org_set', { language: w.t('common.language.name', { locale: cmd.choice }) }),
      );
    }
    const chosen = cmd.choice === 'auto' ? null : cmd.choice;
    await chooseLanguage(c.service, c.actor, { language: chosen });
    // said in the language now in use (auto: the platform's, known on the next message)
    return ok(wordsFor(chosen ?? w.locale).t(chosen ? 'common.language.set' : 'common.language.auto'));
  },
});
