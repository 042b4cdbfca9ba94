import type { notices as en } from '../en/notices.ts';
import type { Translation } from '../translation.ts';

export const notices: Translation<typeof en> = {
  'notices.placeholder': 'Rien pour l’instant.',
};
