import type { commands_handlers as en } from '../en/commands_handlers.ts';
import type { Translation } from '../translation.ts';

export const commands_handlers: Translation<typeof en> = {
  'commands_handlers.placeholder': 'Nog niets.',
};
