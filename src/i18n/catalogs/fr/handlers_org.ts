import type { handlers_org as en } from '../en/handlers_org.ts';
import type { Translation } from '../translation.ts';

export const handlers_org: Translation<typeof en> = {
  'handlers_org.placeholder': 'Rien pour l’instant.',
};
