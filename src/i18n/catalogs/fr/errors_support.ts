import type { errors_support as en } from '../en/errors_support.ts';
import type { Translation } from '../translation.ts';

export const errors_support: Translation<typeof en> = {
  'errors_support.placeholder': 'Rien pour l’instant.',
};
