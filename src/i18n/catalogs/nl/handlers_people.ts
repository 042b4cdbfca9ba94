import type { handlers_people as en } from '../en/handlers_people.ts';
import type { Translation } from '../translation.ts';

export const handlers_people: Translation<typeof en> = {
  'handlers_people.placeholder': 'Nog niets.',
};
