import type { approvals as en } from '../en/approvals.ts';
import type { Translation } from '../translation.ts';

export const approvals: Translation<typeof en> = {
  'approvals.delegate.self': 'Je kunt niet je eigen vervanger zijn.',
  'approvals.delegate.self_next': 'Kies een ander lid: `delegate ana@example.com until 2026-12-24`.',
  'approvals.delegate.not_member': '{email} is geen actief lid van {org}.',
  'approvals.delegate.not_member_next':
    'Kies een actief lid, of nodig die persoon eerst uit met `invite {email}`.',
  'approvals.delegate.past': '{day} is al voorbij.',
  'approvals.delegate.past_next': 'Geef vandaag of een latere dag als laatste dag van je vervanger.',
  'approvals.delegate.too_far': 'Een vervanging duurt hoogstens {max} dagen; {day} ligt verder weg.',
  'approvals.delegate.too_far_next':
    'Geef een dag binnen {max} dagen; je kunt je vervanger later opnieuw kiezen.',
  'approvals.audit.delegated':
    '{by} heeft {delegate} tot en met {day} als vervanger voor aankopen aangewezen.',
  'approvals.audit.delegation_ended': '{by} heeft de vervanging door {delegate} beëindigd.',
};
