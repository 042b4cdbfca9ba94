import { plural } from '../format.ts';
import {
  because,
  bool,
  by,
  capital,
  int,
  list,
  moduleName,
  moment,
  money,
  onOff,
  PLATFORM_PLACE,
  type SentencesFor,
  str,
} from './words.ts';

const PERIOD: Record<string, string> = { month: 'monthly', year: 'yearly' };

/** The organization's own life: created, settings, ownership, links, SCIM, cancelled or closed. */
export const ORGANIZATION_SENTENCES = {
  'organization.activated': () => 'The organization is active: its first payment went through.',
  'organization.billing_details_changed': (e) => `${by(e)} updated the billing details.`,
  'organization.cancellation_requested': (e, w) => {
    const until = moment(w, e.after.paidThrough);
    return `${by(e)} cancelled the organization${until ? `; access lasts until ${until}` : ''}.`;
  },
  'organization.cancellation_undone': (e) => `${by(e)} undid the cancellation; the organization carries on.`,
  'organization.closed': (e) => {
    const n = int(e.before, 'members');
    return `The organization closed at the end of its paid time${n !== undefined ? `; ${plural(n, 'member')} back on their own plans` : ''}.`;
  },
  'organization.created': (e) => {
    const name = str(e.after, 'name');
    const period = PERIOD[str(e.after, 'period') ?? ''];
    return `${by(e)} created the organization${name ? ` ${name}` : ''}${period ? `, billed ${period}` : ''}.`;
  },
  'organization.deleted': (e) => {
    const n = int(e.before, 'members');
    return `${by(e)} deleted the organization${n !== undefined ? `; ${plural(n, 'member')} back on their own plans` : ''}.`;
  },
  'organization.edition_changed': (e) => {
    const edition = str(e.after, 'edition');
    const was = str(e.before, 'edition');
    return edition
      ? `${by(e)} changed the edition to ${capital(edition)}${was ? ` (was ${capital(was)})` : ''}.`
      : undefined;
  },
  'organization.link_code_issued': (e, w) => {
    const until = moment(w, e.after.expiresAt);
    return `${by(e)} made a code to link another workspace or tenant${until ? `, valid until ${until}` : ''}.`;
  },
  'organization.module_added': (e) => {
    const had = new Set(list(e.before, 'modules') ?? []);
    const added = (list(e.after, 'modules') ?? []).filter(
      (m): m is string => typeof m === 'string' && !had.has(m),
    );
    return added.length ? `${by(e)} added the ${added.map(moduleName).join(', ')} module.` : undefined;
  },
  'organization.module_removed': (e) => {
    const has = new Set(list(e.after, 'modules') ?? []);
    const gone = (list(e.before, 'modules') ?? []).filter(
      (m): m is string => typeof m === 'string' && !has.has(m),
    );
    return gone.length ? `${by(e)} removed the ${gone.map(moduleName).join(', ')} module.` : undefined;
  },
  'organization.offboarding_defaults': (e) => {
    const parts = (
      [
        ['freeSeat', 'free the seat'],
        ['stopAutoRenew', 'stop renewing'],
        ['markFormer', 'mark former'],
      ] as const
    ).flatMap(([k, label]) => {
      const v = bool(e.after, k);
      return v === undefined ? [] : [`${label} ${onOff(v)}`];
    });
    return parts.length ? `${by(e)} set what offboarding does by default: ${parts.join(', ')}.` : undefined;
  },
  'organization.owner': (e, w) => {
    const owner = str(e.after, 'owner');
    return owner ? `${by(e)} handed ownership to ${w.person(owner)}.` : undefined;
  },
  'organization.payment_failed': (e) =>
    `The organization's first payment failed${because(str(e.after, 'reason'))}.`,
  'organization.settings': (e) => {
    const changed = (k: string) => k in e.after && JSON.stringify(e.after[k]) !== JSON.stringify(e.before[k]);
    const parts: string[] = [];
    const assign = bool(e.after, 'autoAssign');
    if (changed('autoAssign') && assign !== undefined) parts.push(`auto-assign ${onOff(assign)}`);
    if (changed('autoApproveBelow')) {
      const below = money(e, int(e.after, 'autoApproveBelow'));
      parts.push(below ? `auto-approve below ${below}` : 'auto-approve off');
    }
    const reclaim = bool(e.after, 'idleReclaim');
    if (changed('idleReclaim') && reclaim !== undefined)
      parts.push(`taking back unused seats ${onOff(reclaim)}`);
    return parts.length ? `${by(e)} turned ${parts.join(', ')}.` : undefined;
  },
  'organization.workspace_linked': (e) => {
    const place = PLATFORM_PLACE[str(e.after, 'platform') ?? ''];
    return `${by(e)} linked ${place ?? 'a workspace'}.`;
  },
  'organization.workspace_unlinked': (e) => {
    const place = PLATFORM_PLACE[str(e.before, 'platform') ?? ''];
    return `${by(e)} unlinked ${place ?? 'a workspace'}.`;
  },
  'scim.token_issued': (e) => `${by(e)} connected an identity provider (SCIM token issued).`,
  'scim.token_revoked': (e) => `${by(e)} turned SCIM off; the identity provider's token no longer works.`,
  'scim.token_rotated': (e) => `${by(e)} replaced the SCIM token; the old one no longer works.`,
} satisfies SentencesFor<`organization.${string}` | `scim.${string}`>;
