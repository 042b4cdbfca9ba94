import { adapters } from './adapters.ts';
import { approvals } from './approvals.ts';
import { commands_core } from './commands_core.ts';
import { commands_handlers } from './commands_handlers.ts';
import { common } from './common.ts';
import { domain_terms } from './domain_terms.ts';
import { errors_service } from './errors_service.ts';
import { errors_support } from './errors_support.ts';
import { exports } from './exports.ts';
import { handlers_org } from './handlers_org.ts';
import { handlers_people } from './handlers_people.ts';
import { notices } from './notices.ts';
import { receipts } from './receipts.ts';

/** Every message in this language, by key; one area per file. */
export const nl = {
  ...common,
  ...errors_service,
  ...errors_support,
  ...commands_handlers,
  ...commands_core,
  ...notices,
  ...adapters,
  ...handlers_people,
  ...handlers_org,
  ...domain_terms,
  ...exports,
  ...approvals,
  ...receipts,
} as const;
