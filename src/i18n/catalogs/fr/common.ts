import type { common as en } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const common: Translation<typeof en> = {
  'common.internal_error':
    'Un problème est survenu de notre côté et rien n’a été modifié. Réessayez dans une minute.',
  'common.language.name': '{locale, select, en {anglais} fr {français} nl {néerlandais} other {{locale}}}',
  'common.language.auto': 'Je vous écrirai de nouveau dans la langue de votre messagerie.',
  'common.language.set': 'Désormais, je vous écris en français.',
  'common.language.org_set':
    'Les personnes dont je ne connais pas la langue me liront désormais en {language}.',
  'common.language.shown':
    'Je vous écris en {language}. Pour changer : `language en`, `language fr` ou `language nl`.',
  'common.language.say': 'Indiquez en, fr ou nl{auto, select, yes { (ou auto)} other {}} : `{usage}`.',
};
