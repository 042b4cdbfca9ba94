import type { commands_core as en } from '../en/commands_core.ts';
import type { Translation } from '../translation.ts';

export const commands_core: Translation<typeof en> = {
  'commands_core.placeholder': 'Nog niets.',
};
