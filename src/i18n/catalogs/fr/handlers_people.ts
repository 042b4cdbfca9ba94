import type { handlers_people as en } from '../en/handlers_people.ts';
import type { Translation } from '../translation.ts';

export const handlers_people: Translation<typeof en> = {
  'handlers_people.invite.as_role': 'Après « as », indiquez admin ou member : `{usage}`.',
  'handlers_people.invite.bad_email': '« {typed} » n’est pas une adresse e-mail valide : `{usage}`.',
  'handlers_people.invite.not_who': '« {typed} » n’est ni une mention ni une adresse e-mail : `{usage}`.',
  'handlers_people.invite.nobody': 'Indiquez au moins une personne : `{usage}`.',
  'handlers_people.invite.too_many': 'Invitez au plus {max} personnes à la fois.',
  'handlers_people.invite.done':
    '{count, plural, one {# personne invitée} other {# personnes invitées}} en tant que {count, plural, one {{role, select, admin {administrateur} other {membre}}} other {{role, select, admin {administrateurs} other {membres}}}}{withPlan, select, yes {, avec une licence {plan}} other {}} : {emails}. Chaque invité reçoit un message pour accepter ; l’invitation est valable {days, plural, one {# jour} other {# jours}}.',
  'handlers_people.invite.nobody_new': 'Personne de nouveau à inviter.',
  'handlers_people.invite.short':
    '{free, plural, =0 {Aucune licence {plan} n’est libre} one {Seulement # licence {plan} libre} other {Seulement # licences {plan} libres}} pour l’instant : {all, select, yes {ces personnes seront} other {{short, plural, one {# personne sera} other {# personnes seront}}}} sur le plan Free, sauf si des licences se libèrent. Achetez-en {short, plural, one {une} other {davantage}} avec `add {shortText} {code}`.',
  'handlers_people.invite.former_approver':
    '{email} était approbateur avant son départ et revient sans ce rôle : une fois l’invitation acceptée, le propriétaire peut le lui rendre avec {role, select, admin {} other {`role {email} admin`, puis }}`role {email} approver`.',
  'handlers_people.invite.note_title': 'Remarque',
  'handlers_people.invite.skipped_title': 'Ignorés',
  'handlers_people.invite.skipped':
    '{email} : {reason, select, member {déjà membre} invited {déjà invité} other {{text}}}',
  'handlers_people.members.no_former':
    '{org} n’a aucun ancien membre. Les personnes parties, désactivées avec « Marquer comme anciens membres », apparaissent ici ; `members` affiche tous les autres.',
  'handlers_people.members.line':
    '{email} — {role, select, owner {propriétaire} admin {administrateur} member {membre} other {{role}}}{approver, select, yes { (approbateur)} other {}}, {plan}{renewing, select, no { (sans renouvellement)} other {}}{offboarded, select, yes {, désactivé} other {}}{former, select, yes {, ancien membre} other {}}',
  'handlers_people.members.title': '{former, select, yes {Anciens membres} other {Membres}} {count}',
  'handlers_people.members.invited_title': 'Invités ({count})',
  'handlers_people.members.invitation':
    '{email} — {role, select, admin {administrateur} member {membre} other {{role}}}{withPlan, select, yes {, {plan}} other {}}, jusqu’au {until}',
  'handlers_people.members.more': 'et {more} de plus',
  'handlers_people.members.summary':
    '{org} compte {former, select, yes {{total, plural, one {{totalText} ancien membre} other {{totalText} anciens membres}}} other {{active, plural, one {{activeText} membre actif} other {{activeText} membres actifs}}{offboarded, plural, =0 {} other { et {offboardedText} désactivés}}}}.{paged, select, yes { Page {page} sur {pages}.} other {}}',
  'handlers_people.billing.details':
    'Coordonnées de facturation de {org} : {company}, {email}, {country}{withVat, select, yes {, TVA {vat}} other {}}.',
  'handlers_people.billing.none': '{org} n’a pas encore de coordonnées de facturation.',
  'handlers_people.billing.title': 'Coordonnées de facturation',
  'handlers_people.billing.save': 'Enregistrer',
  'handlers_people.billing.company': 'Société',
  'handlers_people.billing.email': 'E-mail de facturation',
  'handlers_people.billing.country': 'Pays (deux lettres, p. ex. FR)',
  'handlers_people.billing.vat': 'N° de TVA',
  'handlers_people.billing.vat_hint': 'p. ex. FR12345678901',
  'handlers_people.billing.address': 'Adresse',
  'handlers_people.contract.key':
    'Collez la clé de connexion transmise par le gestionnaire du contrat : `{usage}`.',
  'handlers_people.contract.done':
    'Le contrat est connecté à {org} : ses licences peuvent désormais être attribuées (voir `status`).',
  'handlers_people.audit.limit': 'La limite doit être comprise entre 1 et {max}.',
  'handlers_people.audit.last':
    '{total, plural, one {La dernière modification} other {Les {totalText} dernières modifications}}{withWho, select, yes { concernant {who}} other {}}{paged, select, yes {, page {page} sur {pages}} other {}} :',
  'handlers_people.audit.none': 'Aucune modification enregistrée pour l’instant.',
  'handlers_people.audit.title': 'Journal{paged, select, yes { {range}} other {}}',
};
