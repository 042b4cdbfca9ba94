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
  'exports.audit.usage':
    'Indiquez le premier et le dernier jour : `{usage}`, par exemple `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.done':
    'Audit du {from} au {to} : {rows, plural, =0 {aucune modification} one {# modification} other {# modifications}}, dans le fichier joint.',
  'exports.audit.in_direct_message':
    'Le fichier est dans vos messages directs avec Seatkeeper : un audit vous est destiné, pas à toute cette conversation.',
  'exports.audit.upload_failed':
    'Le fichier d’audit n’a pas pu être envoyé ({error}). Réessayez dans une minute ; si l’échec persiste, réinstallez Seatkeeper pour qu’il puisse envoyer des fichiers.',
  'exports.audit.consent_description': 'Journal d’audit du {from} au {to} (UTC), une ligne par modification.',
  'exports.audit.declined':
    'Vous avez refusé le fichier : rien n’a été envoyé. Relancez `audit export {from} {to}` quand vous le souhaitez.',
  'exports.audit.personal_only':
    'Teams n’envoie de fichiers que dans votre conversation personnelle avec Seatkeeper : écrivez-moi `audit export {from} {to}` là-bas.',
  'exports.audit.stale_consent':
    'Ce fichier a été demandé dans une autre organisation que celle liée ici maintenant : relancez `audit export`.',
  'exports.audit.save_failed': 'Le fichier n’a pas pu être écrit dans {dir} ({error}).',
  'exports.audit.saved': 'Enregistré dans {path}.',
};
