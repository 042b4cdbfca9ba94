import type { exports as en } from '../en/exports.ts';
import type { Translation } from '../translation.ts';

export const exports: Translation<typeof en> = {
  'exports.audit.backwards': 'De periode eindigt op {to}, voordat ze begint op {from}.',
  'exports.audit.backwards_next':
    'Geef eerst de eerste dag, dan de laatste: `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.too_long': 'Een export beslaat hoogstens {max} dagen; {from} tot {to} is {days} dagen.',
  'exports.audit.too_long_next': 'Exporteer een kortere periode, bijvoorbeeld een kwartaal per keer.',
  'exports.audit.too_many':
    '{count} wijzigingen van {from} tot {to}: meer dan één bestand kan bevatten ({max}).',
  'exports.audit.too_many_next': 'Exporteer een kortere periode, bijvoorbeeld een maand per keer.',
  'exports.audit.usage':
    'Geef de eerste en de laatste dag: `{usage}`, bijvoorbeeld `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.done':
    'Audit van {from} tot {to}: {rows, plural, =0 {geen wijzigingen} one {# wijziging} other {# wijzigingen}}, in het bijgevoegde bestand.',
  'exports.audit.in_direct_message':
    'Het bestand staat in je directe berichten met Seatkeeper: een audit is voor jou, niet voor iedereen in dit gesprek.',
  'exports.audit.upload_failed':
    'Het auditbestand kon niet worden geüpload ({error}). Probeer het over een minuut opnieuw; lukt het blijvend niet, installeer Seatkeeper dan opnieuw zodat het bestanden mag uploaden.',
  'exports.audit.consent_description': 'Audittrail van {from} tot {to} (UTC), één regel per wijziging.',
  'exports.audit.declined':
    'Je hebt het bestand geweigerd: er is niets geüpload. Voer `audit export {from} {to}` opnieuw uit wanneer je het wilt.',
  'exports.audit.personal_only':
    'Teams stuurt bestanden alleen in je persoonlijke chat met Seatkeeper: schrijf me daar `audit export {from} {to}`.',
  'exports.audit.stale_consent':
    'Dit bestand is gevraagd in een andere organisatie dan de organisatie die hier nu gekoppeld is: voer `audit export` opnieuw uit.',
  'exports.audit.save_failed': 'Het bestand kon niet worden geschreven in {dir} ({error}).',
  'exports.audit.saved': 'Opgeslagen in {path}.',
};
