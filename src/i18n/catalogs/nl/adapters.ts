import type { adapters as en } from '../en/adapters.ts';
import type { Translation } from '../translation.ts';

export const adapters: Translation<typeof en> = {
  'adapters.placeholder': 'Nog niets.',
};
