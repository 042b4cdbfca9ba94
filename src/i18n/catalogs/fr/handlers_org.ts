import type { handlers_org as en } from '../en/handlers_org.ts';
import type { Translation } from '../translation.ts';

export const handlers_org: Translation<typeof en> = {
  'handlers_org.org_create.name_missing': 'Donnez un nom à l’organisation : `{usage}`.',
  'handlers_org.org_create.name_too_long': 'Le nom de l’organisation ne doit pas dépasser {max} caractères.',
  'handlers_org.org_create.awaits_payment':
    '{organization} est créée et attend votre moyen de paiement. Ajoutez-le ici : {url} — l’organisation sera active dès qu’il sera enregistré, et vous en serez informé.',
  'handlers_org.org_create.created':
    '{organization} est créée. Vous en êtes le propriétaire, avec une licence Business payée par l’organisation ; votre propre plan est suspendu. {period, select, year {La première année ({amount}) est débitée} other {Le premier mois ({amount}) est débité}} de votre moyen de paiement. Invitez des personnes avec `invite <who>`.',
  'handlers_org.org_link.not_here':
    'Tapez `org link <code>` dans l’espace de travail Slack ou le tenant Teams à lier, pas ici.',
  'handlers_org.org_link.linked':
    'Ce {platform, select, teams {tenant Teams} other {espace de travail}} est désormais lié à {organization}. Tapez `status` pour voir ses licences.',
  'handlers_org.org_link.code':
    'Code de liaison pour {organization} : `{code}`. Dans l’autre espace de travail Slack ou tenant Teams, un propriétaire ou administrateur de l’organisation tape `org link {code}`. Il ne sert qu’une fois, jusqu’au {until} ; un nouveau code le remplace.',
  'handlers_org.org_unlink.not_here':
    'Tapez `org unlink` dans l’espace de travail Slack ou le tenant Teams à délier.',
  'handlers_org.org_unlink.unlinked':
    'Ce {platform, select, teams {tenant Teams} other {espace de travail}} n’est plus lié à {organization}. Plus rien de l’organisation n’est visible ni modifiable d’ici.',
  'handlers_org.scim_defaults.which_option':
    'Précisez l’option : free-seat, stop-renew ou former : `{usage}`.',
  'handlers_org.scim_defaults.summary':
    '{saved, select, yes {Enregistré. } other {}}Quand le fournisseur d’identité retire quelqu’un : libérer sa licence {free_seat, select, yes {oui} other {non}}, arrêter son renouvellement automatique {stop_renew, select, yes {oui} other {non}}, le marquer comme ancien {former, select, yes {oui} other {non}}.',
  'handlers_org.scim_defaults.change_one': 'En modifier un',
  'handlers_org.scim_token.issued':
    'SCIM pour {organization} : URL de base `{url}`, jeton bearer `{token}`. Collez les deux dans votre fournisseur d’identité (Okta : SCIM connector base URL et Authorization header ; Entra ID : Tenant URL et Secret Token). Ce jeton n’est affiché qu’une fois{rotated, select, yes { ; le précédent vient de cesser de fonctionner} other {}}. `scim token` le remplace, `scim off` le révoque.',
  'handlers_org.edition.name_missing': 'Indiquez l’édition : `edition standard` ou `edition plus`.',
  'handlers_org.module.add_or_remove': 'Précisez add ou remove : `{usage}`.',
  'handlers_org.module.name_missing': 'Indiquez le module : `{usage}`.',
  'handlers_org.role.which_role': 'Précisez le rôle : `{usage}`.',
};
