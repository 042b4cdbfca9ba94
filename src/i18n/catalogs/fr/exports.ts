import type { exports as en } from '../en/exports.ts';
import type { Translation } from '../translation.ts';

export const exports: Translation<typeof en> = {
  'exports.audit.backwards': 'La période se termine le {to}, avant de commencer le {from}.',
  'exports.audit.backwards_next':
    'Indiquez le premier jour, puis le dernier : `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.too_long': 'Un export couvre au plus {max} jours ; du {from} au {to}, il y en a {days}.',
  'exports.audit.too_long_next': 'Exportez une période plus courte, par exemple un trimestre à la fois.',
  'exports.audit.too_many':
    '{count} modifications du {from} au {to} : plus qu’un seul fichier ne peut en contenir ({max}).',
  'exports.audit.too_many_next': 'Exportez une période plus courte, par exemple un mois à la fois.',
};
