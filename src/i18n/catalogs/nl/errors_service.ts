import type { errors_service as en } from '../en/errors_service.ts';
import type { Translation } from '../translation.ts';

export const errors_service: Translation<typeof en> = {
  'errors_service.common.nothing_to_do': 'Er hoeft niets te gebeuren.',
  'errors_service.common.no_such_contract': 'Er is geen contract met die id.',
  'errors_service.common.check_contract_id': 'Controleer de id van het contract.',
  'errors_service.common.contract_ended': 'Contract {contract} is afgelopen.',
  'errors_service.common.no_payment_method': 'Er staat geen betaalmethode voor je geregistreerd.',
  'errors_service.common.offboarded': '{email} is gedeactiveerd.',

  'errors_service.idle_offer.not_found': 'Dat voorstel over een licentie bestaat niet voor jou.',
  'errors_service.idle_offer.not_found_next': 'Bekijk je laatste berichten van Seatkeeper.',
  'errors_service.idle_offer.kept': 'Je hebt al gekozen om je {plan}-licentie bij {org} te houden.',
  'errors_service.idle_offer.given_back': 'Je hebt je {plan}-licentie bij {org} al teruggegeven.',
  'errors_service.idle_offer.reclaimed':
    'Je {plan}-licentie bij {org} is al vrijgegeven: niemand reageerde binnen 7 dagen.',
  'errors_service.idle_offer.void':
    'Dit voorstel over je {plan}-licentie bij {org} geldt niet meer (de licentie is weer gebruikt of gewijzigd).',
  'errors_service.idle_offer.ask_admin': 'Vraag een beheerder om een licentie als je er weer een nodig hebt.',
  'errors_service.idle_offer.not_holder': 'Je hebt die {plan}-licentie bij {org} niet meer.',
  'errors_service.idle_offer.frozen':
    'Die licentie hoort bij een ontkoppeld contract, dus de plannen ervan kunnen niet wijzigen.',
  'errors_service.idle_offer.frozen_next': 'Vraag een beheerder om het contract eerst opnieuw te koppelen.',

  'errors_service.invitation.closed':
    'Deze uitnodiging is {state, select, accepted {geaccepteerd} declined {afgewezen} revoked {ingetrokken} expired {verlopen} other {{state}}}.',
  'errors_service.invitation.invite_again': 'Vraag een beheerder om je opnieuw uit te nodigen.',
  'errors_service.invitation.not_found_for_you': 'Die uitnodiging bestaat niet voor jou.',
  'errors_service.invitation.not_found_for_you_next':
    'Vraag degene die je uitnodigde om hem opnieuw te sturen.',
  'errors_service.invitation.already_member': 'Je bent al lid van {org}.',
  'errors_service.invitation.already_member_next':
    'Er hoeft niets te gebeuren; wijs de uitnodiging af om hem te sluiten.',
  'errors_service.invitation.not_found': 'Die uitnodiging bestaat niet.',
  'errors_service.invitation.not_found_next': 'Openstaande uitnodigingen zie je met `members`.',
  'errors_service.invitation.already_closed':
    'Deze uitnodiging is al {state, select, accepted {geaccepteerd} declined {afgewezen} revoked {ingetrokken} expired {verlopen} other {{state}}}.',

  'errors_service.purchase.not_found': 'Die aankoopaanvraag bestaat niet.',
  'errors_service.purchase.not_found_next': 'Openstaande aanvragen zie je met `requests`.',
  'errors_service.purchase.cancelling': '{org} is opgezegd per einde periode en koopt geen licenties meer.',
  'errors_service.purchase.cancelling_next':
    'Maak de opzegging eerst ongedaan met `cancel undo`, of wijs de aanvraag af.',
  'errors_service.billing.not_rolled': 'De verlenging die deze factuur betaalt, is nog niet vastgelegd.',
  'errors_service.billing.not_rolled_next':
    'Niets te doen: ze wordt verwerkt wanneer de betaalprovider haar opnieuw stuurt.',
  'errors_service.purchase.charging': 'Er wordt nu een andere aankoop van deze organisatie afgerekend.',
  'errors_service.purchase.charging_next':
    'Deze is goedgekeurd en wordt direct daarna afgerekend, binnen enkele minuten; niets wordt dubbel afgerekend.',

  'errors_service.purchase.repriced_meanwhile':
    'Er zijn stoelen van dit abonnement gekocht terwijl je goedkeurde, dus de prijs van deze aanvraag is veranderd.',
  'errors_service.purchase.repriced_meanwhile_next':
    'Druk opnieuw op Goedkeuren om de nieuwe prijs af te rekenen; er is niets afgeschreven.',
  'errors_service.cancel.already': '{org} is al opgezegd; de toegang loopt tot {until}.',
  'errors_service.cancel.already_next': 'Toch niet? Met `cancel undo` blijft de organisatie bestaan.',
  'errors_service.cancel.not_cancelled': '{org} is niet opgezegd, dus er is niets ongedaan te maken.',
  'errors_service.cancel.not_cancelled_next': 'Gebruik `cancel` om de organisatie op te zeggen.',
  'errors_service.cancel.final': 'De betaalde periode van {org} is voorbij; de opzegging is definitief.',
  'errors_service.cancel.final_next': 'Maak een nieuwe organisatie aan met `org create <name>`.',

  'errors_service.chat_access.no_email':
    'Ik zie je e-mailadres in {platform} niet, dus ik weet niet welk account van jou is.',
  'errors_service.chat_access.no_email_slack':
    'Vraag een workspace-beheerder om e-mailadressen zichtbaar te maken voor apps en probeer het opnieuw.',
  'errors_service.chat_access.no_email_teams':
    'Vraag je Teams-beheerder om een e-mailadres aan je account te koppelen en probeer het opnieuw.',
  'errors_service.chat_access.unconfirmed':
    'Je e-mailadres in {platform} is niet bevestigd, dus ik weet niet welk account van jou is.',
  'errors_service.chat_access.unconfirmed_next':
    'Bevestig je e-mailadres in {platform} en probeer het opnieuw.',
  'errors_service.chat_access.outside':
    'Die aanvraag, uitnodiging, dat lid of die organisatie bestaat niet in de organisatie van deze workspace.',
  'errors_service.chat_access.outside_next': 'Voer het commando hier opnieuw uit om te zien wat er is.',

  'errors_service.contract.key_invalid': 'Die koppelsleutel is onbekend of verlopen.',
  'errors_service.contract.key_invalid_next':
    'Vraag de contractbeheerder om een nieuwe sleutel (`contract key`) en probeer het opnieuw.',
  'errors_service.contract.key_malformed':
    'Dat is geen koppelsleutel: een sleutel is ck_ gevolgd door 32 letters en cijfers.',
  'errors_service.contract.key_malformed_next':
    'Kopieer de hele sleutel die de contractbeheerder deelde en probeer het opnieuw.',
  'errors_service.contract.not_manager':
    'Je beheert dat contract niet, dus je kunt het niet direct koppelen.',
  'errors_service.contract.ask_for_key':
    'Vraag de contractbeheerder om de koppelsleutel en voer `contract connect <key>` uit.',
  'errors_service.contract.own_contract':
    'Dat is het eigen contract van een organisatie; het kan niet aan een andere organisatie worden gekoppeld.',
  'errors_service.contract.own_contract_next':
    'Koppel in plaats daarvan een contract dat buiten de chat is gekocht.',
  'errors_service.contract.ended_next': 'Vraag de contractbeheerder naar verlenging.',
  'errors_service.contract.connected_here': 'Contract {contract} is al gekoppeld aan {org}.',
  'errors_service.contract.connected_here_next': '`status` toont de licenties.',
  'errors_service.contract.connected_elsewhere': 'Dat contract is gekoppeld aan een andere organisatie.',
  'errors_service.contract.connected_elsewhere_next':
    'Vraag een beheerder daar om eerst `contract disconnect` uit te voeren en koppel het dan hier.',
  'errors_service.contract.not_in_org': '{org} heeft geen contract met die id.',
  'errors_service.contract.not_in_org_next': '`status` toont de contracten van de organisatie.',
  'errors_service.contract.own_not_disconnectable':
    'Dat is het eigen contract van {org}; het kan niet worden ontkoppeld.',
  'errors_service.contract.own_not_disconnectable_next':
    'Om niet meer voor de organisatie te betalen, gebruikt de eigenaar `cancel`.',
  'errors_service.contract.already_disconnected': 'Contract {contract} is al ontkoppeld van {org}.',
  'errors_service.contract.already_disconnected_next':
    'Koppel het opnieuw met `contract connect` als je de licenties nodig hebt.',
  'errors_service.contract.key_manager_only': 'Alleen de contractbeheerder kan de koppelsleutel uitgeven.',
  'errors_service.contract.key_manager_only_next': 'Vraag de contractbeheerder om de sleutel.',
  'errors_service.contract.own_has_no_key':
    'Het eigen contract van een organisatie kan niet aan een andere organisatie worden gekoppeld.',
  'errors_service.contract.own_has_no_key_next':
    'Alleen contracten die buiten de chat zijn gekocht hebben een koppelsleutel.',
  'errors_service.contract.ended_no_key': 'Alleen actieve contracten kunnen worden gekoppeld.',
  'errors_service.contract.connected_no_key': 'Contract {contract} is al gekoppeld aan een organisatie.',
  'errors_service.contract.connected_no_key_next':
    'Ontkoppel het daar eerst met `contract disconnect` en geef dan een sleutel uit.',

  'errors_service.external_contract.future_start':
    'Ongeldige invoer: startsAt "{starts}" ligt in de toekomst.',
  'errors_service.external_contract.future_start_next':
    'Maak het contract aan op of na de startdatum, of laat startsAt weg om nu te starten.',
  'errors_service.external_contract.plan_twice': 'Ongeldige invoer: plan "{plan}" staat er twee keer in.',
  'errors_service.external_contract.plan_twice_next': 'Noem elk plan één keer, met het totale aantal.',
  'errors_service.external_contract.no_plan': 'Er is geen plan met de naam "{plan}".',
  'errors_service.external_contract.no_plan_next': 'Plannen: {plans}.',
  'errors_service.external_contract.free_plan':
    'Ongeldige invoer: het gratis plan heeft geen licenties te koop.',
  'errors_service.external_contract.free_plan_next': 'Kies een betaald plan: {plans}.',
  'errors_service.external_contract.currencies':
    'Ongeldige invoer: de plannen hebben prijzen in verschillende valuta ({currencies}).',
  'errors_service.external_contract.currencies_next':
    'Zet alleen plannen in één valuta in een contract; maak één contract per valuta.',
  'errors_service.external_contract.key_reused':
    'Die Idempotency-Key is al gebruikt voor een ander contract.',
  'errors_service.external_contract.key_reused_next':
    'Stuur een nieuwe sleutel voor een nieuw contract, of stuur het oorspronkelijke verzoek ongewijzigd opnieuw.',

  'errors_service.org.needs_business':
    'Je hebt het {plan}-plan; voor een organisatie heb je het Business-plan nodig.',
  'errors_service.org.needs_business_next':
    'Stap eerst over op Business (`upgrade`) en maak dan de organisatie aan.',
  'errors_service.org.no_payment_method_next':
    'Voeg een zakelijke kaart of andere betaalmethode toe en probeer het opnieuw.',
  'errors_service.org.workspace_taken':
    'Deze workspace is al gekoppeld aan een andere organisatie, en een workspace hoort bij één organisatie.',
  'errors_service.org.workspace_taken_next':
    'Maak de nieuwe organisatie aan vanuit een workspace of tenant die nog niet gekoppeld is.',
  'errors_service.org.first_invoice_failed': 'De eerste factuur voor {org} is mislukt: {reason}',
  'errors_service.org.first_invoice_failed_next':
    'Werk je betaalmethode bij en voer `org create {org}` opnieuw uit om het nog eens te proberen.',
  'errors_service.org.delete_wrong_name': '"{typed}" is niet de naam van de organisatie.',
  'errors_service.org.delete_wrong_name_next': 'Typ precies {org} om te bevestigen.',

  'errors_service.link.invalid': 'Die koppelcode is niet geldig.',
  'errors_service.link.invalid_next':
    'Controleer hem, of vraag een eigenaar of beheerder om een nieuwe met `org link` in een gekoppelde workspace.',
  'errors_service.link.used': 'Die koppelcode is al gebruikt.',
  'errors_service.link.expired': 'Die koppelcode is verlopen (codes zijn 24 uur geldig).',
  'errors_service.link.ask_new':
    'Vraag een eigenaar of beheerder om een nieuwe met `org link` in een gekoppelde workspace.',
  'errors_service.link.already_here': 'Deze workspace is al gekoppeld aan {org}.',
  'errors_service.link.already_here_next': 'Er hoeft niets te gebeuren: je kunt hier elk commando gebruiken.',
  'errors_service.link.linked_elsewhere': 'Deze workspace is gekoppeld aan een andere organisatie.',
  'errors_service.link.linked_elsewhere_next': 'De eigenaar kan hem eerst ontkoppelen met `org unlink`.',
  'errors_service.link.just_linked': 'Deze workspace is net gekoppeld.',
  'errors_service.link.just_linked_next': 'Voer `status` uit om te zien waaraan.',
  'errors_service.link.not_linked': 'Deze workspace is niet gekoppeld aan {org}.',
  'errors_service.link.not_linked_next': 'Hier valt niets te ontkoppelen.',
  'errors_service.link.last':
    'Dit is de laatste workspace die aan {org} gekoppeld is, dus hij blijft gekoppeld zolang de organisatie loopt.',
  'errors_service.link.last_next':
    'Koppel eerst een andere workspace met `org link`, of verwijder de organisatie met `org delete`.',

  'errors_service.offboard.no_organization': 'Die organisatie bestaat niet.',
  'errors_service.offboard.no_organization_next': 'Controleer de id van de organisatie.',
  'errors_service.offboard.owner': '{email} is eigenaar van {org} en kan niet worden gedeactiveerd.',
  'errors_service.offboard.owner_next': 'Draag eerst het eigenaarschap over met `owner <who>`.',
  'errors_service.offboard.self': 'Je kunt jezelf niet deactiveren ({email}).',
  'errors_service.offboard.self_next':
    'Haal jezelf van de lijst; de eigenaar of een andere beheerder kan jou deactiveren.',
  'errors_service.offboard.already': '{email} is al gedeactiveerd.',
  'errors_service.offboard.already_next': 'Haal deze persoon van de lijst en probeer het opnieuw.',

  'errors_service.scim.user_exists': 'Er bestaat al een gebruiker met userName {user} in {org}.',
  'errors_service.scim.user_exists_next': 'Zoek de gebruiker op met filter=userName eq "…" en werk hem bij.',
  'errors_service.scim.no_user': 'Er is geen gebruiker {id}.',
  'errors_service.scim.no_user_next': 'Vraag de lijst met gebruikers op om de id te vinden.',
  'errors_service.scim.username_fixed':
    'userName kan niet veranderen ({email}): het is het e-mailadres van het account.',
  'errors_service.scim.username_fixed_next':
    'Deprovisioneer deze gebruiker en provisioneer een nieuwe met de nieuwe userName.',
  'errors_service.scim.no_token': '{org} heeft geen SCIM-token.',
  'errors_service.scim.no_token_next': 'Er hoeft niets te gebeuren; `scim token` maakt er een.',

  'errors_service.usage.no_account': 'Er is geen account {email}.',
  'errors_service.usage.no_account_next': 'Maak het eerst aan met PUT /api/v1/accounts/:email.',

  'errors_service.request.cancelling': '{org} is opgezegd per einde periode.',
  'errors_service.request.cancelling_next': 'Maak de opzegging eerst ongedaan met `cancel undo`.',
  'errors_service.request.pending': '{org} wacht nog op een betaalmethode en kan nog geen licenties kopen.',
  'errors_service.request.pending_next':
    'Voeg de betaalmethode toe (de link uit `org create`) en vraag het daarna opnieuw.',
  'errors_service.request.free_plan': '{plan} is gratis en heeft geen licenties nodig.',
  'errors_service.request.free_plan_next': 'Vraag een betaald plan aan, bijvoorbeeld `add 1 pro`.',
  'errors_service.request.suspended':
    'De licenties van {org} zijn opgeschort omdat een betaling achterstallig is.',
  'errors_service.request.suspended_next':
    'Werk de betaalmethode bij; de achterstallige betaling wordt binnen het uur geïnd en de licenties komen terug.',
  'errors_service.request.renewing': 'De factuurperiode is net afgelopen en wordt verlengd.',
  'errors_service.request.renewing_next': 'Vraag het over een paar minuten opnieuw.',

  'errors_service.edition.unknown': 'Er is geen editie met de naam "{edition}".',
  'errors_service.edition.already': '{org} heeft al de editie {edition}.',
  'errors_service.edition.list': 'Edities: {editions}.',
  'errors_service.module.unknown': 'Er is geen module met de naam "{module}".',
  'errors_service.module.list': 'Modules: {modules}.',
  'errors_service.module.already_on': '{module} staat al aan voor {org}.',
  'errors_service.module.already_on_next': 'Verwijder hem met `module remove {code}`.',
  'errors_service.module.not_on': '{module} staat niet aan voor {org}, dus er valt niets te verwijderen.',
  'errors_service.module.not_on_next': 'Voeg hem toe met `module add {code}`.',

  'errors_service.role.invite_again': 'Nodig deze persoon eerst opnieuw uit.',
  'errors_service.role.owner': '{email} is de eigenaar.',
  'errors_service.role.owner_next': 'Draag eerst het eigenaarschap over met `owner <who>`.',
  'errors_service.role.approver': '{email} keurt aankopen goed: alleen de eigenaar kan dat afnemen.',
  'errors_service.role.not_admin': '{email} is geen beheerder.',
  'errors_service.role.not_admin_next': 'Maak deze persoon eerst beheerder: `role {email} admin`.',
  'errors_service.role.same': '{email} heeft die rol al.',
  'errors_service.owner.already': 'Je bent al de eigenaar.',
  'errors_service.owner.pick_active': 'Kies een actief lid.',

  'errors_service.seat.none': '{email} heeft geen licentie.',
  'errors_service.seat.none_next': 'Wijs er een toe met `assign`.',
  'errors_service.seat.auto_renew_same':
    'Automatisch verlengen staat al {state, select, on {aan} other {uit}} voor {email}.',
  'errors_service.seat.already_free': '{email} zit al op het Free-plan.',

  'errors_service.settings.same': 'Die instelling staat al zo.',

  'errors_service.upgrade.same': 'Je hebt het {plan}-plan al.',
  'errors_service.upgrade.same_business_next': 'Ga je gang: `org create <name>`.',
  'errors_service.upgrade.above': 'Je hebt het {current}-plan, hoger dan {plan}.',
  'errors_service.upgrade.above_next': 'Er valt niets te upgraden; wijzig je plan in het product zelf.',
  'errors_service.upgrade.no_payment_method_next':
    'Voeg een kaart of andere betaalmethode toe en upgrade daarna.',
  'errors_service.upgrade.payment_failed': 'De betaling voor het {plan}-plan is mislukt: {reason}',
  'errors_service.upgrade.payment_failed_next': 'Werk je betaalmethode bij en probeer het opnieuw.',
  'errors_service.contract.none_to_connect': 'Je beheert geen contract dat wacht op koppeling.',
  'errors_service.contract.none_to_connect_next':
    'Vraag de contractbeheerder om de koppelsleutel en voer `contract connect <key>` uit.',
  'errors_service.contract.none_to_disconnect': '{org} heeft geen gekoppeld contract om los te koppelen.',
  'errors_service.contract.none_to_disconnect_next':
    'Om niet meer voor de organisatie zelf te betalen, gebruikt de eigenaar `cancel`.',
  'errors_service.contract.none_for_key':
    'Je beheert geen contract dat wacht op koppeling aan een organisatie.',
  'errors_service.contract.none_for_key_next':
    'Contracten die buiten de chat zijn gekocht, verschijnen hier zodra ze zijn aangemaakt; `status` toont de gekoppelde.',
  'errors_service.contract.several_unconnected':
    'Je beheert meerdere contracten die niet gekoppeld zijn; zeg welke: {ids}.',
  'errors_service.contract.several_connected':
    '{org} heeft meerdere gekoppelde contracten; zeg welke: {ids}.',
};
