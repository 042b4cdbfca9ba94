import type { common as en } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const common: Translation<typeof en> = {
  'common.internal_error':
    'Er ging bij ons iets mis en er is niets gewijzigd. Probeer het over een minuut opnieuw.',
  'common.language.name': '{locale, select, en {Engels} fr {Frans} nl {Nederlands} other {{locale}}}',
  'common.language.auto': 'Ik schrijf je weer in de taal van je chat-app.',
  'common.language.set': 'Vanaf nu schrijf ik je in het Nederlands.',
  'common.language.org_set': 'Mensen van wie ik de taal niet ken, lezen mij nu in het {language}.',
  'common.language.shown':
    'Ik schrijf je in het {language}. Wijzigen: `language en`, `language fr` of `language nl`.',
  'common.language.say': 'Kies en, fr of nl{auto, select, yes { (of auto)} other {}}: `{usage}`.',
};
