import type { errors_support as en } from '../en/errors_support.ts';
import type { Translation } from '../translation.ts';

export const errors_support: Translation<typeof en> = {
  'errors_support.access.org_not_found': 'Cette organisation n’existe pas.',
  'errors_support.access.org_not_found_next': 'Vérifiez l’identifiant de l’organisation.',
  'errors_support.access.removed': 'Votre accès à {organization} a été retiré.',
  'errors_support.access.removed_next': 'Contactez un administrateur s’il s’agit d’une erreur.',
  'errors_support.access.not_yours':
    'Vous êtes {role, select, admin {administrateur} other {membre}} : cette action ne relève pas de vous.',
  'errors_support.access.closed': 'L’organisation {organization} a été résiliée et est fermée.',
  'errors_support.access.closed_next': 'Créez une nouvelle organisation avec `org create <name>`.',
  'errors_support.permission.ask_invite': 'Demandez à un administrateur de l’organisation de vous inviter.',
  'errors_support.permission.view_org':
    'Demandez à un administrateur ; les membres voient leur propre plan avec `status`.',
  'errors_support.permission.ask_admin': 'Demandez à un administrateur ou au propriétaire de le faire.',
  'errors_support.permission.approve': 'Demandez au propriétaire ou à un approbateur de décider.',
  'errors_support.permission.billing': 'Seul le propriétaire gère la facturation ; adressez-vous à lui.',
  'errors_support.permission.transfer_ownership': 'Seul le propriétaire peut transmettre la propriété.',
  'errors_support.permission.delete_org': 'Seul le propriétaire peut supprimer l’organisation.',
  'errors_support.permission.link_workspace':
    'Demandez à un administrateur ou au propriétaire de lier cet espace de travail.',
  'errors_support.permission.unlink_workspace': 'Seul le propriétaire peut délier un espace de travail.',
  'errors_support.assign.frozen':
    'Cette licence relève d’un contrat déconnecté, dont les plans ne peuvent plus changer.',
  'errors_support.assign.frozen_next': 'Reconnectez d’abord le contrat avec `contract connect <key>`.',
  'errors_support.assign.no_free_seat': 'Aucune licence {plan} n’est libre.',
  'errors_support.assign.no_free_seat_next':
    'Achetez-en d’autres avec `add 1 {code}`, ou libérez-en une avec `unassign`.',
  'errors_support.assign.free_needs_no_seat': 'Le plan Free ne nécessite pas de licence.',
  'errors_support.assign.free_needs_no_seat_next':
    'Utilisez `unassign {email}` pour repasser cette personne sur Free.',
  'errors_support.assign.offboarded': '{email} a quitté l’organisation.',
  'errors_support.assign.offboarded_next': 'Invitez cette personne à nouveau pour lui attribuer une licence.',
  'errors_support.assign.already_has': '{email} a déjà une licence {plan}.',
  'errors_support.assign.already_has_next': 'Rien à faire.',
  'errors_support.member.not_member': '{email} n’est pas membre de l’organisation {organization}.',
  'errors_support.member.not_member_next': 'Invitez d’abord cette personne avec `invite`.',
  'errors_support.plan.not_found': 'Aucun plan ne s’appelle « {code} ».',
  'errors_support.plan.not_found_next': 'Plans : {codes}.',
  'errors_support.contract.none': 'Cette organisation n’a pas de contrat actif.',
  'errors_support.contract.none_next': 'Demandez au propriétaire de vérifier la facturation.',
  'errors_support.contract.several_next': 'Indiquez l’identifiant du contrat voulu et réessayez.',
  'errors_support.renewal.in_progress':
    'La période de facturation vient de se terminer et est en cours de renouvellement.',
  'errors_support.renewal.in_progress_next':
    'Réessayez dans quelques minutes ; la modification s’appliquera alors à la nouvelle période.',
  'errors_support.input.invalid': 'Saisie invalide : {problem}.',
  'errors_support.input.invalid_field': 'Saisie invalide : {field} {problem}.',
  'errors_support.input.invalid_next': 'Vérifiez et réessayez ; `help` montre la syntaxe.',
  'errors_support.input.value_problem': '{value} {problem}',
  'errors_support.input.not_email': 'n’est pas une adresse e-mail valide',
  'errors_support.input.not_id': 'n’est pas un identifiant valide',
  'errors_support.input.not_plan': 'n’est pas un nom de plan',
  'errors_support.input.not_day': 'n’est pas une date : écrivez-la AAAA-MM-JJ (par exemple 2026-01-31)',
  'errors_support.input.not_whole': 'doit être un nombre entier',
  'errors_support.input.at_least': 'doit valoir au moins {min, number}',
  'errors_support.input.at_most': 'doit valoir au plus {max, number}',
  'errors_support.input.unstorable':
    'contient un caractère de contrôle (comme NUL) ou du texte corrompu ; supprimez-le',
  'errors_support.input.not_one_line':
    'contient un saut de ligne, une tabulation ou un caractère invisible ; saisissez-le sur une seule ligne',
  'errors_support.input.too_short_2': 'est trop court (2 caractères minimum)',
  'errors_support.input.country': 'doit être un code ISO à deux lettres, comme NL ou FR',
  'errors_support.input.vat_id': 'doit ressembler à NL123456789B01',
  'errors_support.input.vat_country': 'doit commencer par le code pays',
};
