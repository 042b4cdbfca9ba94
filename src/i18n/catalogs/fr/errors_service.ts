import type { errors_service as en } from '../en/errors_service.ts';
import type { Translation } from '../translation.ts';

export const errors_service: Translation<typeof en> = {
  'errors_service.common.nothing_to_do': 'Rien à faire.',
  'errors_service.common.no_such_contract': 'Aucun contrat ne porte cet identifiant.',
  'errors_service.common.check_contract_id': 'Vérifiez l’identifiant du contrat.',
  'errors_service.common.contract_ended': 'Le contrat {contract} est terminé.',
  'errors_service.common.no_payment_method': 'Aucun moyen de paiement n’est enregistré pour vous.',
  'errors_service.common.offboarded': 'Le compte {email} a été désactivé.',

  'errors_service.idle_offer.not_found': 'Vous n’avez aucune proposition de ce type concernant une licence.',
  'errors_service.idle_offer.not_found_next': 'Consultez vos derniers messages de Seatkeeper.',
  'errors_service.idle_offer.kept': 'Vous avez déjà choisi de garder votre licence {plan} chez {org}.',
  'errors_service.idle_offer.given_back': 'Vous avez déjà rendu votre licence {plan} chez {org}.',
  'errors_service.idle_offer.reclaimed':
    'Votre licence {plan} chez {org} a déjà été libérée : personne n’a répondu sous 7 jours.',
  'errors_service.idle_offer.void':
    'Cette proposition concernant votre licence {plan} chez {org} ne s’applique plus (la licence a de nouveau été utilisée ou a changé).',
  'errors_service.idle_offer.ask_admin':
    'Demandez une licence à un administrateur si vous en avez de nouveau besoin.',
  'errors_service.idle_offer.not_holder': 'Vous n’avez plus cette licence {plan} chez {org}.',
  'errors_service.idle_offer.frozen':
    'Cette licence relève d’un contrat déconnecté, dont les plans ne peuvent plus changer.',
  'errors_service.idle_offer.frozen_next': 'Demandez d’abord à un administrateur de reconnecter le contrat.',

  'errors_service.invitation.closed':
    'Cette invitation est {state, select, accepted {acceptée} declined {refusée} revoked {annulée} expired {expirée} other {{state}}}.',
  'errors_service.invitation.invite_again': 'Demandez à un administrateur de vous inviter à nouveau.',
  'errors_service.invitation.not_found_for_you': 'Vous n’avez pas d’invitation de ce type.',
  'errors_service.invitation.not_found_for_you_next':
    'Demandez à la personne qui vous a invité de la renvoyer.',
  'errors_service.invitation.already_member': 'Vous êtes déjà membre de {org}.',
  'errors_service.invitation.already_member_next': 'Rien à faire ; refusez l’invitation pour la clore.',
  'errors_service.invitation.not_found': 'Cette invitation n’existe pas.',
  'errors_service.invitation.not_found_next': 'Les invitations en attente sont dans `members`.',
  'errors_service.invitation.already_closed':
    'Cette invitation est déjà {state, select, accepted {acceptée} declined {refusée} revoked {annulée} expired {expirée} other {{state}}}.',

  'errors_service.purchase.not_found': 'Cette demande d’achat n’existe pas.',
  'errors_service.purchase.not_found_next': 'Les demandes en cours sont dans `requests`.',
  'errors_service.purchase.cancelling':
    '{org} est résiliée en fin de période : elle n’achète plus de licences.',
  'errors_service.purchase.cancelling_next':
    'Annulez d’abord la résiliation avec `cancel undo`, ou refusez la demande.',
  'errors_service.billing.not_rolled':
    'Le renouvellement que paie cette facture n’est pas encore enregistré.',
  'errors_service.billing.not_rolled_next':
    'Rien à faire : elle sera appliquée quand le prestataire de paiement la renverra.',
  'errors_service.purchase.charging': 'Un autre achat de cette organisation est en cours de facturation.',
  'errors_service.purchase.charging_next':
    'Celui-ci est approuvé et sera facturé juste après, en quelques minutes ; rien n’est facturé deux fois.',

  'errors_service.purchase.repriced_meanwhile':
    'Des sièges de cette offre ont été achetés pendant votre approbation : le prix de cette demande a changé.',
  'errors_service.purchase.repriced_meanwhile_next':
    'Appuyez de nouveau sur Approuver pour facturer le nouveau prix ; rien n’a été facturé.',
  'errors_service.cancel.already': '{org} est déjà résiliée ; l’accès reste ouvert jusqu’au {until}.',
  'errors_service.cancel.already_next': 'Vous avez changé d’avis ? `cancel undo` conserve l’organisation.',
  'errors_service.cancel.not_cancelled': '{org} n’est pas résiliée : il n’y a rien à annuler.',
  'errors_service.cancel.not_cancelled_next': 'Pour résilier l’organisation, utilisez `cancel`.',
  'errors_service.cancel.final': 'La période payée de {org} est terminée ; la résiliation est définitive.',
  'errors_service.cancel.final_next': 'Créez une nouvelle organisation avec `org create <name>`.',

  'errors_service.chat_access.no_email':
    'Je ne vois pas votre adresse e-mail dans {platform} : je ne peux pas savoir quel compte est le vôtre.',
  'errors_service.chat_access.no_email_slack':
    'Demandez à un administrateur de l’espace de travail d’afficher les adresses e-mail aux applications, puis réessayez.',
  'errors_service.chat_access.no_email_teams':
    'Demandez à votre administrateur Teams d’associer une adresse e-mail à votre compte, puis réessayez.',
  'errors_service.chat_access.unconfirmed':
    'Votre adresse e-mail dans {platform} n’est pas confirmée : je ne peux pas savoir quel compte est le vôtre.',
  'errors_service.chat_access.unconfirmed_next':
    'Confirmez votre adresse e-mail dans {platform}, puis réessayez.',
  'errors_service.chat_access.outside':
    'Rien de tel (demande, invitation, membre ou organisation) dans l’organisation de cet espace de travail.',
  'errors_service.chat_access.outside_next': 'Relancez la commande ici pour voir ce qui existe.',

  'errors_service.contract.key_invalid': 'Cette clé de connexion est inconnue ou a expiré.',
  'errors_service.contract.key_invalid_next':
    'Demandez une nouvelle clé au gestionnaire du contrat (`contract key`) et réessayez.',
  'errors_service.contract.key_malformed':
    'Ce n’est pas une clé de connexion : une clé commence par ck_ suivi de 32 lettres et chiffres.',
  'errors_service.contract.key_malformed_next':
    'Copiez la clé complète transmise par le gestionnaire du contrat et réessayez.',
  'errors_service.contract.not_manager':
    'Vous ne gérez pas ce contrat : vous ne pouvez pas le connecter directement.',
  'errors_service.contract.ask_for_key':
    'Demandez sa clé de connexion au gestionnaire du contrat et lancez `contract connect <key>`.',
  'errors_service.contract.own_contract':
    'C’est le contrat propre d’une organisation ; il ne peut pas être connecté à une autre organisation.',
  'errors_service.contract.own_contract_next': 'Connectez plutôt un contrat acheté en dehors du chat.',
  'errors_service.contract.ended_next': 'Voyez son renouvellement avec le gestionnaire du contrat.',
  'errors_service.contract.connected_here': 'Le contrat {contract} est déjà connecté à {org}.',
  'errors_service.contract.connected_here_next': '`status` affiche ses licences.',
  'errors_service.contract.connected_elsewhere': 'Ce contrat est connecté à une autre organisation.',
  'errors_service.contract.connected_elsewhere_next':
    'Demandez à un administrateur de cette organisation de lancer `contract disconnect`, puis connectez-le ici.',
  'errors_service.contract.not_in_org': '{org} n’a aucun contrat avec cet identifiant.',
  'errors_service.contract.not_in_org_next': '`status` liste les contrats de l’organisation.',
  'errors_service.contract.own_not_disconnectable':
    'C’est le contrat propre de {org} ; il ne peut pas être déconnecté.',
  'errors_service.contract.own_not_disconnectable_next':
    'Pour ne plus payer l’organisation, le propriétaire utilise `cancel`.',
  'errors_service.contract.already_disconnected': 'Le contrat {contract} est déjà déconnecté de {org}.',
  'errors_service.contract.already_disconnected_next':
    'Reconnectez-le avec `contract connect` si vous avez besoin de ses licences.',
  'errors_service.contract.key_manager_only':
    'Seul le gestionnaire du contrat peut émettre sa clé de connexion.',
  'errors_service.contract.key_manager_only_next': 'Demandez la clé au gestionnaire du contrat.',
  'errors_service.contract.own_has_no_key':
    'Le contrat propre d’une organisation ne peut pas être connecté à une autre organisation.',
  'errors_service.contract.own_has_no_key_next':
    'Seuls les contrats achetés en dehors du chat ont une clé de connexion.',
  'errors_service.contract.ended_no_key': 'Seuls les contrats actifs se connectent.',
  'errors_service.contract.connected_no_key': 'Le contrat {contract} est déjà connecté à une organisation.',
  'errors_service.contract.connected_no_key_next':
    'Déconnectez-le d’abord là-bas avec `contract disconnect`, puis émettez une clé.',

  'errors_service.external_contract.future_start':
    'Saisie invalide : startsAt « {starts} » est dans le futur.',
  'errors_service.external_contract.future_start_next':
    'Créez le contrat à sa date de début ou après, ou omettez startsAt pour commencer maintenant.',
  'errors_service.external_contract.plan_twice': 'Saisie invalide : le plan « {plan} » figure deux fois.',
  'errors_service.external_contract.plan_twice_next':
    'Indiquez chaque plan une seule fois, avec sa quantité totale.',
  'errors_service.external_contract.no_plan': 'Aucun plan ne s’appelle « {plan} ».',
  'errors_service.external_contract.no_plan_next': 'Plans : {plans}.',
  'errors_service.external_contract.free_plan':
    'Saisie invalide : le plan gratuit n’a aucune licence à vendre.',
  'errors_service.external_contract.free_plan_next': 'Choisissez un plan payant : {plans}.',
  'errors_service.external_contract.currencies':
    'Saisie invalide : les prix des plans sont dans des devises différentes ({currencies}).',
  'errors_service.external_contract.currencies_next':
    'Ne réunissez dans un contrat que des plans d’une même devise ; un contrat par devise.',
  'errors_service.external_contract.key_reused': 'Cette Idempotency-Key a déjà servi pour un autre contrat.',
  'errors_service.external_contract.key_reused_next':
    'Envoyez une nouvelle clé pour un nouveau contrat, ou renvoyez la requête d’origine sans la modifier.',

  'errors_service.org.needs_business':
    'Vous avez le plan {plan} ; pour créer une organisation, il faut le plan Business.',
  'errors_service.org.needs_business_next':
    'Passez d’abord à Business (`upgrade`), puis créez l’organisation.',
  'errors_service.org.no_payment_method_next':
    'Ajoutez une carte professionnelle ou un autre moyen de paiement, puis réessayez.',
  'errors_service.org.workspace_taken':
    'Cet espace de travail est déjà lié à une autre organisation, et un espace de travail ne sert qu’une organisation.',
  'errors_service.org.workspace_taken_next':
    'Créez la nouvelle organisation depuis un espace de travail ou un tenant pas encore lié.',
  'errors_service.org.first_invoice_failed':
    'Le paiement de la première facture de {org} a échoué : {reason}',
  'errors_service.org.first_invoice_failed_next':
    'Mettez à jour votre moyen de paiement, puis relancez `org create {org}` pour réessayer.',
  'errors_service.org.delete_wrong_name': '« {typed} » n’est pas le nom de l’organisation.',
  'errors_service.org.delete_wrong_name_next': 'Tapez {org} exactement pour confirmer.',

  'errors_service.link.invalid': 'Ce code de liaison n’est pas valide.',
  'errors_service.link.invalid_next':
    'Vérifiez-le, ou demandez-en un nouveau à un propriétaire ou administrateur avec `org link` dans un espace de travail lié.',
  'errors_service.link.used': 'Ce code de liaison a déjà servi.',
  'errors_service.link.expired': 'Ce code de liaison a expiré (un code est valable 24 heures).',
  'errors_service.link.ask_new':
    'Demandez-en un nouveau à un propriétaire ou administrateur avec `org link` dans un espace de travail lié.',
  'errors_service.link.already_here': 'Cet espace de travail est déjà lié à {org}.',
  'errors_service.link.already_here_next': 'Rien à faire : lancez n’importe quelle commande ici.',
  'errors_service.link.linked_elsewhere': 'Cet espace de travail est lié à une autre organisation.',
  'errors_service.link.linked_elsewhere_next': 'Son propriétaire peut d’abord le délier avec `org unlink`.',
  'errors_service.link.just_linked': 'Cet espace de travail vient d’être lié.',
  'errors_service.link.just_linked_next': 'Lancez `status` pour voir à quoi.',
  'errors_service.link.not_linked': 'Cet espace de travail n’est pas lié à {org}.',
  'errors_service.link.not_linked_next': 'Rien à délier ici.',
  'errors_service.link.last':
    'C’est le dernier espace de travail lié à {org} : il reste lié tant que l’organisation est active.',
  'errors_service.link.last_next':
    'Liez d’abord un autre espace de travail avec `org link`, ou supprimez l’organisation avec `org delete`.',

  'errors_service.offboard.no_organization': 'Cette organisation n’existe pas.',
  'errors_service.offboard.no_organization_next': 'Vérifiez l’identifiant de l’organisation.',
  'errors_service.offboard.owner':
    '{email} est propriétaire de {org} : ce compte ne peut pas être désactivé.',
  'errors_service.offboard.owner_next': 'Transférez d’abord la propriété avec `owner <who>`.',
  'errors_service.offboard.self': 'Vous ne pouvez pas vous désactiver vous-même ({email}).',
  'errors_service.offboard.self_next':
    'Retirez-vous de la liste ; le propriétaire ou un autre administrateur peut vous désactiver.',
  'errors_service.offboard.already': 'Le compte {email} est déjà désactivé.',
  'errors_service.offboard.already_next': 'Retirez cette personne de la liste et réessayez.',

  'errors_service.scim.user_exists': 'Un utilisateur avec le userName {user} existe déjà dans {org}.',
  'errors_service.scim.user_exists_next':
    'Retrouvez-le avec filter=userName eq "…" et mettez-le à jour à la place.',
  'errors_service.scim.no_user': 'Aucun utilisateur {id}.',
  'errors_service.scim.no_user_next': 'Listez les utilisateurs pour trouver son identifiant.',
  'errors_service.scim.username_fixed':
    'Le userName ne peut pas changer ({email}) : c’est l’e-mail du compte.',
  'errors_service.scim.username_fixed_next':
    'Déprovisionnez cet utilisateur et provisionnez-en un avec le nouveau userName.',
  'errors_service.scim.no_token': '{org} n’a pas de jeton SCIM.',
  'errors_service.scim.no_token_next': 'Rien à faire ; `scim token` en crée un.',

  'errors_service.usage.no_account': 'Aucun compte {email}.',
  'errors_service.usage.no_account_next': 'Créez-le d’abord avec PUT /api/v1/accounts/:email.',

  'errors_service.request.cancelling': '{org} est résiliée en fin de période.',
  'errors_service.request.cancelling_next': 'Annulez d’abord la résiliation avec `cancel undo`.',
  'errors_service.request.pending':
    '{org} attend son moyen de paiement : elle ne peut pas encore acheter de licences.',
  'errors_service.request.pending_next':
    'Terminez l’ajout du moyen de paiement (le lien donné par `org create`), puis redemandez.',
  'errors_service.request.free_plan': '{plan} est gratuit et ne nécessite pas de licence.',
  'errors_service.request.free_plan_next': 'Demandez un plan payant, par exemple `add 1 pro`.',
  'errors_service.request.suspended': 'Les licences de {org} sont suspendues : un paiement est en retard.',
  'errors_service.request.suspended_next':
    'Mettez à jour le moyen de paiement ; le paiement en retard est prélevé dans l’heure et les licences reviennent.',
  'errors_service.request.renewing':
    'La période de facturation vient de se terminer et est en cours de renouvellement.',
  'errors_service.request.renewing_next': 'Redemandez dans quelques minutes.',

  'errors_service.edition.unknown': 'Aucune édition ne s’appelle « {edition} ».',
  'errors_service.edition.already': '{org} est déjà en édition {edition}.',
  'errors_service.edition.list': 'Éditions : {editions}.',
  'errors_service.module.unknown': 'Aucun module ne s’appelle « {module} ».',
  'errors_service.module.list': 'Modules : {modules}.',
  'errors_service.module.already_on': '{module} est déjà activé pour {org}.',
  'errors_service.module.already_on_next': 'Retirez-le avec `module remove {code}`.',
  'errors_service.module.not_on': '{module} n’est pas activé pour {org} : il n’y a rien à retirer.',
  'errors_service.module.not_on_next': 'Ajoutez-le avec `module add {code}`.',

  'errors_service.role.invite_again': 'Invitez d’abord cette personne à nouveau.',
  'errors_service.role.owner': '{email} est le propriétaire.',
  'errors_service.role.owner_next': 'Transférez d’abord la propriété avec `owner <who>`.',
  'errors_service.role.approver': '{email} est approbateur : seul le propriétaire peut lui retirer ce rôle.',
  'errors_service.role.not_admin': '{email} n’est pas administrateur.',
  'errors_service.role.not_admin_next':
    'Nommez d’abord cette personne administrateur : `role {email} admin`.',
  'errors_service.role.same': '{email} a déjà ce rôle.',
  'errors_service.owner.already': 'Vous en êtes déjà propriétaire.',
  'errors_service.owner.pick_active': 'Choisissez un membre actif.',

  'errors_service.seat.none': '{email} n’a pas de licence.',
  'errors_service.seat.none_next': 'Attribuez-en une avec `assign`.',
  'errors_service.seat.auto_renew_same':
    'Le renouvellement automatique est déjà {state, select, on {activé} other {désactivé}} pour {email}.',
  'errors_service.seat.already_free': '{email} est déjà sur le plan Free.',

  'errors_service.settings.same': 'Ce réglage est déjà en place.',

  'errors_service.upgrade.same': 'Vous avez déjà le plan {plan}.',
  'errors_service.upgrade.same_business_next': 'Allez-y : `org create <name>`.',
  'errors_service.upgrade.above': 'Vous avez le plan {current}, supérieur à {plan}.',
  'errors_service.upgrade.above_next': 'Rien à mettre à niveau ; changez de plan dans le produit lui-même.',
  'errors_service.upgrade.no_payment_method_next':
    'Ajoutez une carte ou un autre moyen de paiement, puis passez au plan supérieur.',
  'errors_service.upgrade.payment_failed': 'Le paiement du plan {plan} a échoué : {reason}',
  'errors_service.upgrade.payment_failed_next': 'Mettez à jour votre moyen de paiement et réessayez.',
  'errors_service.contract.none_to_connect': 'Vous ne gérez aucun contrat en attente de connexion.',
  'errors_service.contract.none_to_connect_next':
    'Demandez la clé de connexion au gestionnaire du contrat, puis lancez `contract connect <key>`.',
  'errors_service.contract.none_to_disconnect': '{org} n’a aucun contrat connecté à déconnecter.',
  'errors_service.contract.none_to_disconnect_next':
    'Pour ne plus payer l’organisation elle-même, le propriétaire utilise `cancel`.',
  'errors_service.contract.none_for_key':
    'Vous ne gérez aucun contrat en attente de connexion à une organisation.',
  'errors_service.contract.none_for_key_next':
    'Les contrats achetés hors du chat apparaissent ici une fois créés ; `status` montre ceux qui sont connectés.',
  'errors_service.contract.several_unconnected':
    'Vous gérez plusieurs contrats non connectés ; précisez lequel : {ids}.',
  'errors_service.contract.several_connected':
    '{org} a plusieurs contrats connectés ; précisez lequel : {ids}.',
};
