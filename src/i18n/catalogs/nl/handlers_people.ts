import type { handlers_people as en } from '../en/handlers_people.ts';
import type { Translation } from '../translation.ts';

export const handlers_people: Translation<typeof en> = {
  'handlers_people.invite.as_role': 'Zeg na "as" admin of member: `{usage}`.',
  'handlers_people.invite.bad_email': '"{typed}" is geen geldig e-mailadres: `{usage}`.',
  'handlers_people.invite.not_who': '"{typed}" is geen vermelding of e-mailadres: `{usage}`.',
  'handlers_people.invite.nobody': 'Noem minstens één persoon: `{usage}`.',
  'handlers_people.invite.too_many': 'Nodig maximaal {max} personen tegelijk uit.',
  'handlers_people.invite.done':
    '{count, plural, one {# persoon} other {# personen}} uitgenodigd als {count, plural, one {{role, select, admin {beheerder} other {lid}}} other {{role, select, admin {beheerders} other {leden}}}}{withPlan, select, yes { met een {plan}-licentie} other {}}: {emails}. Ze krijgen een bericht om te accepteren; de uitnodiging is {days, plural, one {# dag} other {# dagen}} geldig.',
  'handlers_people.invite.nobody_new': 'Niemand nieuw om uit te nodigen.',
  'handlers_people.invite.short':
    '{free, plural, =0 {Er is nu geen {plan}-licentie vrij} one {Er is nu maar # {plan}-licentie vrij} other {Er zijn nu maar # {plan}-licenties vrij}}: {all, select, yes {ze komen} other {{short, plural, one {# persoon komt} other {# personen komen}}}} op Free, tenzij er licenties vrijkomen. Koop {short, plural, one {er een} other {er meer}} met `add {shortText} {code}`.',
  'handlers_people.invite.former_approver':
    '{email} keurde facturen goed voor vertrek en komt terug zonder dat recht: zodra diegene lid is, kan de eigenaar het teruggeven met {role, select, admin {} other {`role {email} admin`, daarna }}`role {email} approver`.',
  'handlers_people.invite.note_title': 'Let op',
  'handlers_people.invite.skipped_title': 'Overgeslagen',
  'handlers_people.invite.skipped':
    '{email}: {reason, select, member {al lid} invited {al uitgenodigd} other {{text}}}',
  'handlers_people.members.no_former':
    '{org} heeft geen oud-leden. Vertrekkers die met "Markeren als oud-lid" zijn uitgeschreven, staan hier; `members` toont alle anderen.',
  'handlers_people.members.line':
    '{email} — {role, select, owner {eigenaar} admin {beheerder} member {lid} other {{role}}}{approver, select, yes { (goedkeurder)} other {}}, {plan}{renewing, select, no { (verlengt niet)} other {}}{offboarded, select, yes {, uitgeschreven} other {}}{former, select, yes {, oud-lid} other {}}',
  'handlers_people.members.title': '{former, select, yes {Oud-leden} other {Leden}} {count}',
  'handlers_people.members.invited_title': 'Uitgenodigd ({count})',
  'handlers_people.members.invitation':
    '{email} — {role, select, admin {beheerder} member {lid} other {{role}}}{withPlan, select, yes {, {plan}} other {}}, tot {until}',
  'handlers_people.members.more': 'en nog {more}',
  'handlers_people.members.summary':
    '{org} heeft {former, select, yes {{total, plural, one {{totalText} oud-lid} other {{totalText} oud-leden}}} other {{active, plural, one {{activeText} actief lid} other {{activeText} actieve leden}}{offboarded, plural, =0 {} other { en {offboardedText} uitgeschreven}}}}.{paged, select, yes { Pagina {page} van {pages}.} other {}}',
  'handlers_people.billing.details':
    'Factuurgegevens van {org}: {company}, {email}, {country}{withVat, select, yes {, btw {vat}} other {}}.',
  'handlers_people.billing.none': '{org} heeft nog geen factuurgegevens.',
  'handlers_people.billing.title': 'Factuurgegevens',
  'handlers_people.billing.save': 'Opslaan',
  'handlers_people.billing.company': 'Bedrijf',
  'handlers_people.billing.email': 'Factuur-e-mail',
  'handlers_people.billing.country': 'Land (twee letters, bijv. NL)',
  'handlers_people.billing.vat': 'Btw-nummer',
  'handlers_people.billing.vat_hint': 'bijv. NL123456789B01',
  'handlers_people.billing.address': 'Adres',
  'handlers_people.contract.key': 'Plak de koppelsleutel die de contractbeheerder heeft gedeeld: `{usage}`.',
  'handlers_people.contract.done':
    'Het contract is gekoppeld aan {org}: de licenties ervan kun je nu toewijzen (zie `status`).',
  'handlers_people.audit.limit': 'De limiet moet tussen 1 en {max} liggen.',
  'handlers_people.audit.last':
    '{total, plural, one {De laatste wijziging} other {De laatste {totalText} wijzigingen}}{withWho, select, yes { over {who}} other {}}{paged, select, yes {, pagina {page} van {pages}} other {}}:',
  'handlers_people.audit.none': 'Nog geen wijzigingen vastgelegd.',
  'handlers_people.audit.title': 'Audit{paged, select, yes { {range}} other {}}',
};
