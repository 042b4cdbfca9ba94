import type { errors_service as en } from '../en/errors_service.ts';
import type { Translation } from '../translation.ts';

export const errors_service: Translation<typeof en> = {
  'errors_service.placeholder': 'Rien pour l’instant.',
};
