/** Words many replies share, and the `language` command. */
export const common = {
  'common.internal_error': 'Something went wrong on our side and nothing was changed. Try again in a minute.',
  'common.language.name': '{locale, select, en {English} fr {French} nl {Dutch} other {{locale}}}',
  'common.language.auto': 'I will write to you in the language of your chat app again.',
  'common.language.set': 'From now on I write to you in English.',
  'common.language.org_set': 'People whose language I do not know now read me in {language}.',
  'common.language.shown':
    'I write to you in {language}. Change it with `language en`, `language fr` or `language nl`.',
  'common.language.say': 'Say en, fr or nl{auto, select, yes { (or auto)} other {}}: `{usage}`.',
} as const;
