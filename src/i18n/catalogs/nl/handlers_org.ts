import type { handlers_org as en } from '../en/handlers_org.ts';
import type { Translation } from '../translation.ts';

export const handlers_org: Translation<typeof en> = {
  'handlers_org.org_create.name_missing': 'Geef de organisatie een naam: `{usage}`.',
  'handlers_org.org_create.name_too_long': 'Houd de naam van de organisatie op maximaal {max} tekens.',
  'handlers_org.org_create.awaits_payment':
    '{organization} is aangemaakt en wacht op je betaalmethode. Voeg die hier toe: {url} — de organisatie wordt actief zodra die bekend is, en je krijgt bericht.',
  'handlers_org.org_create.created':
    '{organization} is aangemaakt. Je bent de eigenaar, met een Business-licentie die de organisatie betaalt; je eigen plan is gepauzeerd. {period, select, year {Het eerste jaar} other {De eerste maand}} ({amount}) wordt van je betaalmethode afgeschreven. Nodig mensen uit met `invite <who>`.',
  'handlers_org.org_link.not_here':
    'Typ `org link <code>` in de Slack-workspace of Teams-tenant die je wilt koppelen, niet hier.',
  'handlers_org.org_link.linked':
    'Deze {platform, select, teams {Teams-tenant} other {workspace}} is nu gekoppeld aan {organization}. Typ `status` om de licenties te zien.',
  'handlers_org.org_link.code':
    'Koppelcode voor {organization}: `{code}`. In de andere Slack-workspace of Teams-tenant typt een eigenaar of beheerder van {organization} `org link {code}`. De code werkt één keer, tot {until}; een nieuwe code vervangt hem.',
  'handlers_org.org_unlink.not_here':
    'Typ `org unlink` in de Slack-workspace of Teams-tenant die je wilt ontkoppelen.',
  'handlers_org.org_unlink.unlinked':
    'Deze {platform, select, teams {Teams-tenant} other {workspace}} is niet meer gekoppeld aan {organization}. Van {organization} is hier niets meer te zien of te wijzigen.',
  'handlers_org.scim_defaults.which_option': 'Kies een optie: free-seat, stop-renew of former: `{usage}`.',
  'handlers_org.scim_defaults.summary':
    '{saved, select, yes {Opgeslagen. } other {}}Als de identiteitsprovider iemand offboardt: licentie vrijgeven {free_seat, select, yes {aan} other {uit}}, automatische verlenging stoppen {stop_renew, select, yes {aan} other {uit}}, als oud-medewerker markeren {former, select, yes {aan} other {uit}}.',
  'handlers_org.scim_defaults.change_one': 'Eén wijzigen',
  'handlers_org.scim_token.issued':
    'SCIM voor {organization}: basis-URL `{url}`, bearer-token `{token}`. Plak beide in je identiteitsprovider (Okta: SCIM connector base URL en Authorization header; Entra ID: Tenant URL en Secret Token). Dit token wordt één keer getoond{rotated, select, yes {; het vorige werkt vanaf nu niet meer} other {}}. Met `scim token` vervang je het, met `scim off` trek je het in.',
  'handlers_org.edition.name_missing': 'Noem de editie: `edition standard` of `edition plus`.',
  'handlers_org.module.add_or_remove': 'Kies add of remove: `{usage}`.',
  'handlers_org.module.name_missing': 'Noem de module: `{usage}`.',
  'handlers_org.role.which_role': 'Kies een rol: `{usage}`.',
};
