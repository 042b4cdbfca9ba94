/** Messages of one area of the code; keys start with the area's name. */
export const handlers_org = {
  'handlers_org.org_create.name_missing': 'Give the organization a name: `{usage}`.',
  'handlers_org.org_create.name_too_long': 'Keep the organization name to {max} characters.',
  'handlers_org.org_create.awaits_payment':
    '{organization} is created and waits for your payment method. Add it here: {url} — the organization becomes active as soon as it is on file, and you will be told.',
  'handlers_org.org_create.created':
    '{organization} is created. You are its owner, on a Business seat the organization pays for; your own plan is paused. The first {period, select, year {year} other {month}} ({amount}) is charged to your payment method. Invite people with `invite <who>`.',
  'handlers_org.org_link.not_here':
    'Type `org link <code>` in the Slack workspace or Teams tenant you want to link, not here.',
  'handlers_org.org_link.linked':
    'This {platform, select, teams {Teams tenant} other {workspace}} is now linked to {organization}. Type `status` to see its seats.',
  'handlers_org.org_link.code':
    'Link code for {organization}: `{code}`. In the other Slack workspace or Teams tenant, an owner or admin of {organization} types `org link {code}`. It works once, until {until}; a new code replaces it.',
  'handlers_org.org_unlink.not_here':
    'Type `org unlink` in the Slack workspace or Teams tenant you want to unlink.',
  'handlers_org.org_unlink.unlinked':
    'This {platform, select, teams {Teams tenant} other {workspace}} is no longer linked to {organization}. Nothing of {organization} can be seen or changed from here any more.',
  'handlers_org.scim_defaults.which_option': 'Say which option: free-seat, stop-renew or former: `{usage}`.',
  'handlers_org.scim_defaults.summary':
    '{saved, select, yes {Saved. } other {}}When the identity provider offboards someone: free their seat {free_seat, select, yes {on} other {off}}, stop its auto-renew {stop_renew, select, yes {on} other {off}}, mark them former {former, select, yes {on} other {off}}.',
  'handlers_org.scim_defaults.change_one': 'Change one',
  'handlers_org.scim_token.issued':
    'SCIM for {organization}: base URL `{url}`, bearer token `{token}`. Paste both into your identity provider (Okta: SCIM connector base URL and Authorization header; Entra ID: Tenant URL and Secret Token). This token is shown once{rotated, select, yes {; the previous one stopped working just now} other {}}. `scim token` again replaces it, `scim off` revokes it.',
  'handlers_org.edition.name_missing': 'Name the edition: `edition standard` or `edition plus`.',
  'handlers_org.module.add_or_remove': 'Say add or remove: `{usage}`.',
  'handlers_org.module.name_missing': 'Name the module: `{usage}`.',
  'handlers_org.role.which_role': 'Say which role: `{usage}`.',
} as const;
