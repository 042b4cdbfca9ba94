import type { approvals as en } from '../en/approvals.ts';
import type { Translation } from '../translation.ts';

export const approvals: Translation<typeof en> = {
  'approvals.delegate.self': 'Vous ne pouvez pas être votre propre délégué.',
  'approvals.delegate.self_next': 'Désignez un autre membre : `delegate ana@example.com until 2026-12-24`.',
  'approvals.delegate.not_member': '{email} n’est pas un membre actif de {org}.',
  'approvals.delegate.not_member_next':
    'Désignez un membre actif, ou invitez cette personne d’abord avec `invite {email}`.',
  'approvals.delegate.past': 'Le {day} est déjà passé.',
  'approvals.delegate.past_next':
    'Indiquez aujourd’hui ou un jour suivant comme dernier jour de la délégation.',
  'approvals.delegate.too_far': 'Une délégation dure au plus {max} jours ; le {day} est plus loin.',
  'approvals.delegate.too_far_next':
    'Indiquez un jour dans les {max} prochains jours ; vous pourrez renouveler la délégation ensuite.',
  'approvals.delegate.usage': 'Indiquez qui et jusqu’à quel jour : {usage}',
  'approvals.delegate.named':
    '{delegate} décide des achats dans {org} à votre place jusqu’au {day} inclus, et en est prévenu. Pour y mettre fin plus tôt : `delegate off`.',
  'approvals.delegate.ended': '{delegate} ne décide plus des achats à votre place.',
  'approvals.delegate.none': 'Personne ne décide des achats à votre place : aucune délégation à arrêter.',
  'approvals.timing.usage': 'Indiquez les deux délais en heures entières : {usage}',
  'approvals.timing.set':
    'Un achat sans réponse est rappelé aux approbateurs après {remind, plural, one {# heure} other {# heures}} et transmis aussi au propriétaire après {escalate, plural, one {# heure} other {# heures}}{defaults, select, yes { (valeurs par défaut)} other {}}.',
  'approvals.timing.incoherent':
    'Un rappel après {remind} h et une transmission après {escalate} h ne conviennent pas : le rappel vient d’abord, à partir de 1 h, et la transmission au plus tard à {max} h, avant l’expiration du devis.',
  'approvals.timing.incoherent_next': 'Par exemple : `approvals remind 8 escalate {max}`.',
  'approvals.audit.delegated': '{by} a chargé {delegate} de décider des achats à sa place jusqu’au {day}.',
  'approvals.audit.delegation_ended': '{by} a mis fin à la délégation à {delegate}.',
  'approvals.audit.on_behalf': '{decider} pour le compte de {approver}',
  'approvals.audit.reminded':
    'Les approbateurs ont reçu un rappel pour la demande {withRequester, select, yes {de {who} } other {}}de {seats}, sans réponse depuis {hours, plural, one {# heure} other {# heures}}.',
  'approvals.audit.escalated':
    'La demande {withRequester, select, yes {de {who} } other {}}de {seats} a été transmise au propriétaire, sans réponse depuis {hours, plural, one {# heure} other {# heures}}.',
  'approvals.audit.repriced':
    'La demande de {seats} a été recalculée à son approbation, pour les jours alors restants : {withWas, select, yes {{was} → } other {}}{now}.',
  'approvals.audit.expired_price_rose':
    'La demande de {seats} a expiré à son approbation : son prix avait augmenté depuis la demande.',
  'approvals.audit.routed':
    '{by} a envoyé la demande de {seats} aux approbateurs {why, select, asked_back {après avoir demandé les licences inutilisées} other {sans attendre les licences inutilisées}}.',
  'approvals.audit.shrunk':
    '{given, plural, one {Une licence est revenue} other {# licences sont revenues}} pour la demande{withPlan, select, yes { de licences {plan}} other {}} ({how, select, leaver {personne partie} given_back {rendue} reclaimed {reprise inutilisée} other {libérée}}) : elle porte maintenant sur {left}.',
  'approvals.reuse.facts':
    '{count, plural, one {# licence {plan} n’est pas utilisée} other {# licences {plan} ne sont pas utilisées}} (inactives depuis plus de 28 jours, ou tenues par une personne partie) : {names}{more, select, yes { et {others} de plus} other {}}.',
  'approvals.reuse.facts_next':
    'Demandez-leur de les rendre avant d’acheter : chaque licence rendue, c’est une de moins à acheter.',
  'approvals.reuse.buy_anyway': 'Acheter quand même',
  'approvals.reuse.already_sent': 'Votre demande de {what} est déjà chez les approbateurs.',
  'approvals.reuse.sent_with_ask':
    'Elle est partie chez {approvers, plural, =0 {les approbateurs} one {# approbateur} other {# approbateurs}} pour le reste.',
  'approvals.reuse.ask': 'Leur demander de rendre',
  'approvals.reuse.asked':
    '{asked, plural, =0 {} one {# personne a été invitée à rendre sa licence {plan}.} other {# personnes ont été invitées à rendre leur licence {plan}.}}{freed, plural, =0 {} one { # licence tenue par une personne partie est libre.} other { # licences tenues par des personnes parties sont libres.}} {covered, select, seated {Votre demande est couverte : rien ne sera acheté.} yes {Votre demande est couverte : rien ne sera acheté. Attribuez les licences libres avec `assign <who> {code}`.} other {Votre demande porte maintenant sur {seats} ; chaque licence rendue en retire une.}}',
  'approvals.reuse.none': 'Personne ne détient en ce moment de licence {plan} à rendre.',
  'approvals.reuse.none_next': 'Votre demande reste telle quelle ; un approbateur peut toujours l’approuver.',
  'approvals.reuse.not_pending': 'Cette demande est déjà traitée.',
  'approvals.reuse.not_pending_next': 'Consultez-la avec `requests`.',
  'approvals.reuse.shrunk_notice':
    '{given, plural, one {Une licence {plan} a été rendue} other {# licences {plan} ont été rendues}} dans {org} pour votre demande : libre maintenant, attribuez-la avec `assign <who> {code}`. {covered, select, yes {Votre demande est couverte : rien ne sera acheté.} other {Votre demande porte maintenant sur {seats}.}}',
  'approvals.for.too_many':
    'Vous avez nommé {people} personnes pour {quantity, plural, one {# licence} other {# licences}}.',
  'approvals.for.too_many_next': 'Demandez {people} licences, ou nommez moins de personnes.',
  'approvals.for.not_admin':
    'Seuls les administrateurs peuvent demander des licences pour d’autres personnes.',
  'approvals.for.not_admin_next':
    'Demandez des licences sans nommer personne, ou demandez à un administrateur de le faire.',
  'approvals.for.not_member': '{email} n’est pas un membre actif de {org}.',
  'approvals.for.not_member_next':
    'Invitez cette personne d’abord (`invite {email}`), ou retirez-la de la demande.',
  'approvals.for.has_seat': '{email} a déjà une licence {plan}.',
  'approvals.for.has_seat_next': 'Retirez {email} de la demande et demandez une licence de moins.',
  'approvals.for.names': '{names}{more, select, yes { et {others} autres} other {}}',
  'approvals.for.line': 'Pour {names}{more, select, yes { et {others} autres} other {}}.',
  'approvals.for.seated':
    '{count, plural, one {{names} a maintenant une licence {plan}.} other {{names} ont maintenant une licence {plan}.}}',
  'approvals.reuse.shrunk_notice_seated':
    '{given, plural, one {Une licence {plan} a été rendue} other {# licences {plan} ont été rendues}} dans {org} pour votre demande et attribuées aux personnes demandées : {names}. {covered, select, yes {Votre demande est couverte : rien ne sera acheté.} other {Votre demande porte maintenant sur {seats}.}}',
  'approvals.audit.settings_timing':
    'rappels d’approbation après {remind} h et transmission après {escalate} h',
  'approvals.audit.settings_timing_default': 'rappels d’approbation revenus aux délais par défaut',
};
