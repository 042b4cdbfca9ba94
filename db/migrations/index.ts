import { Migration20261122000000_initial } from './Migration20261122000000_initial.ts';
import { Migration20261122010000_seat_tally_index } from './Migration20261122010000_seat_tally_index.ts';
import { Migration20261122020000_reminders_and_idle } from './Migration20261122020000_reminders_and_idle.ts';
import { Migration20261122030000_slack } from './Migration20261122030000_slack.ts';
import { Migration20261122040000_stripe } from './Migration20261122040000_stripe.ts';
import { Migration20261122050000_teams } from './Migration20261122050000_teams.ts';
import { Migration20261122060000_contract_creation_key } from './Migration20261122060000_contract_creation_key.ts';
import { Migration20261122070000_stripe_schedules } from './Migration20261122070000_stripe_schedules.ts';
import { Migration20261201000000_identities_and_links } from './Migration20261201000000_identities_and_links.ts';
import { Migration20261201100000_stripe_decision_keys } from './Migration20261201100000_stripe_decision_keys.ts';
import { Migration20261201110000_period_charges } from './Migration20261201110000_period_charges.ts';
import { Migration20261201200000_outbox_claim_order } from './Migration20261201200000_outbox_claim_order.ts';
import { Migration20261201400000_scim } from './Migration20261201400000_scim.ts';
import { Migration20261202000000_languages } from './Migration20261202000000_languages.ts';
import { Migration20261202100000_approval_delegates } from './Migration20261202100000_approval_delegates.ts';
import { Migration20261202110000_platform_zone } from './Migration20261202110000_platform_zone.ts';
import { Migration20261202200000_approval_nudges } from './Migration20261202200000_approval_nudges.ts';
import { Migration20261202210000_purchase_breakdown } from './Migration20261202210000_purchase_breakdown.ts';
import { Migration20261203100000_request_price_validity } from './Migration20261203100000_request_price_validity.ts';
import { Migration20261203110000_reuse_before_buying } from './Migration20261203110000_reuse_before_buying.ts';
import { Migration20261203150000_request_for_people } from './Migration20261203150000_request_for_people.ts';
import { Migration20261203200000_period_charge_receipts } from './Migration20261203200000_period_charge_receipts.ts';
import { Migration20261203210000_request_routing } from './Migration20261203210000_request_routing.ts';

/** Every migration, in order. Listed here so they load the same under tsx, vitest and the CLI. */
export const migrationsList = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  { name: 'Migration20261122010000_seat_tally_index', class: Migration20261122010000_seat_tally_index },
  { name: 'Migration20261122020000_reminders_and_idle', class: Migration20261122020000_reminders_and_idle },
  { name: 'Migration20261122030000_slack', class: Migration20261122030000_slack },
  { name: 'Migration20261122040000_stripe', class: Migration20261122040000_stripe },
  { name: 'Migration20261122050000_teams', class: Migration20261122050000_teams },
  {
    name: 'Migration20261122060000_contract_creation_key',
    class: Migration20261122060000_contract_creation_key,
  },
  { name: 'Migration20261122070000_stripe_schedules', class: Migration20261122070000_stripe_schedules },
  {
    name: 'Migration20261201000000_identities_and_links',
    class: Migration20261201000000_identities_and_links,
  },
  {
    name: 'Migration20261201100000_stripe_decision_keys',
    class: Migration20261201100000_stripe_decision_keys,
  },
  { name: 'Migration20261201110000_period_charges', class: Migration20261201110000_period_charges },
  { name: 'Migration20261201200000_outbox_claim_order', class: Migration20261201200000_outbox_claim_order },
  { name: 'Migration20261201400000_scim', class: Migration20261201400000_scim },
  { name: 'Migration20261202000000_languages', class: Migration20261202000000_languages },
  {
    name: 'Migration20261202100000_approval_delegates',
    class: Migration20261202100000_approval_delegates,
  },
  { name: 'Migration20261202110000_platform_zone', class: Migration20261202110000_platform_zone },
  { name: 'Migration20261202200000_approval_nudges', class: Migration20261202200000_approval_nudges },
  {
    name: 'Migration20261202210000_purchase_breakdown',
    class: Migration20261202210000_purchase_breakdown,
  },
  {
    name: 'Migration20261203100000_request_price_validity',
    class: Migration20261203100000_request_price_validity,
  },
  {
    name: 'Migration20261203110000_reuse_before_buying',
    class: Migration20261203110000_reuse_before_buying,
  },
  {
    name: 'Migration20261203150000_request_for_people',
    class: Migration20261203150000_request_for_people,
  },
  {
    name: 'Migration20261203200000_period_charge_receipts',
    class: Migration20261203200000_period_charge_receipts,
  },
  {
    name: 'Migration20261203210000_request_routing',
    class: Migration20261203210000_request_routing,
  },
];
