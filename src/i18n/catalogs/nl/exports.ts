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
};
