import {
  bool,
  by,
  capital,
  has,
  int,
  list,
  moduleName,
  moment,
  money,
  type SentencesFor,
  say,
  str,
} from './words.ts';

/** The organization's own life: created, settings, ownership, links, SCIM, cancelled or closed. */
export const ORGANIZATION_SENTENCES = {
  'organization.activated': (_e, w) => say(w, 'notices.audit.organization_activated'),
  'organization.billing_details_changed': (e, w) =>
    say(w, 'notices.audit.organization_billing_details_changed', { by: by(e, w) }),
  'organization.cancellation_requested': (e, w) => {
    const until = moment(w, e.after.paidThrough);
    return say(w, 'notices.audit.organization_cancellation_requested', {
      by: by(e, w),
      withUntil: has(until),
      until: until ?? '',
    });
  },
  'organization.cancellation_undone': (e, w) =>
    say(w, 'notices.audit.organization_cancellation_undone', { by: by(e, w) }),
  'organization.closed': (e, w) => {
    const n = int(e.before, 'members');
    return say(w, 'notices.audit.organization_closed', {
      withMembers: has(n !== undefined),
      members: n ?? 0,
    });
  },
  'organization.created': (e, w) => {
    const name = str(e.after, 'name');
    const period = str(e.after, 'period');
    return say(w, 'notices.audit.organization_created', {
      by: by(e, w),
      withName: has(name),
      name: name ?? '',
      period: period === 'month' || period === 'year' ? period : 'none',
    });
  },
  'organization.deleted': (e, w) => {
    const n = int(e.before, 'members');
    return say(w, 'notices.audit.organization_deleted', {
      by: by(e, w),
      withMembers: has(n !== undefined),
      members: n ?? 0,
    });
  },
  'organization.edition_changed': (e, w) => {
    const edition = str(e.after, 'edition');
    const was = str(e.before, 'edition');
    return edition
      ? say(w, 'notices.audit.organization_edition_changed', {
          by: by(e, w),
          edition: capital(edition),
          withWas: has(was),
          was: was ? capital(was) : '',
        })
      : undefined;
  },
  'organization.link_code_issued': (e, w) => {
    const until = moment(w, e.after.expiresAt);
    return say(w, 'notices.audit.organization_link_code_issued', {
      by: by(e, w),
      withUntil: has(until),
      until: until ?? '',
    });
  },
  'organization.module_added': (e, w) => {
    const had = new Set(list(e.before, 'modules') ?? []);
    const added = (list(e.after, 'modules') ?? []).filter(
      (m): m is string => typeof m === 'string' && !had.has(m),
    );
    return added.length
      ? say(w, 'notices.audit.organization_module_added', {
          by: by(e, w),
          modules: added.map(moduleName).join(', '),
        })
      : undefined;
  },
  'organization.module_removed': (e, w) => {
    const has_ = new Set(list(e.after, 'modules') ?? []);
    const gone = (list(e.before, 'modules') ?? []).filter(
      (m): m is string => typeof m === 'string' && !has_.has(m),
    );
    return gone.length
      ? say(w, 'notices.audit.organization_module_removed', {
          by: by(e, w),
          modules: gone.map(moduleName).join(', '),
        })
      : undefined;
  },
  'organization.offboarding_defaults': (e, w) => {
    const parts = (['freeSeat', 'stopAutoRenew', 'markFormer'] as const).flatMap((k) => {
      const v = bool(e.after, k);
      return v === undefined ? [] : [say(w, 'notices.audit.offboarding_default', { what: k, on: has(v) })];
    });
    return parts.length
      ? say(w, 'notices.audit.organization_offboarding_defaults', { by: by(e, w), parts: parts.join(', ') })
      : undefined;
  },
  'organization.owner': (e, w) => {
    const owner = str(e.after, 'owner');
    return owner
      ? say(w, 'notices.audit.organization_owner', { by: by(e, w), owner: w.person(owner) })
      : undefined;
  },
  'organization.payment_failed': (e, w) => {
    const reason = str(e.after, 'reason');
    return say(w, 'notices.audit.organization_payment_failed', {
      withReason: has(reason),
      reason: reason ?? '',
    });
  },
  'organization.settings': (e, w) => {
    const changed = (k: string) => k in e.after && JSON.stringify(e.after[k]) !== JSON.stringify(e.before[k]);
    const parts: string[] = [];
    const assign = bool(e.after, 'autoAssign');
    if (changed('autoAssign') && assign !== undefined)
      parts.push(say(w, 'notices.audit.settings_auto_assign', { on: has(assign) }));
    if (changed('autoApproveBelow')) {
      const below = money(w, e, int(e.after, 'autoApproveBelow'));
      parts.push(
        say(w, 'notices.audit.settings_auto_approve', { withBelow: has(below), below: below ?? '' }),
      );
    }
    if (changed('approvalRemindHours') || changed('approvalEscalateHours')) {
      const remind = int(e.after, 'approvalRemindHours');
      const escalate = int(e.after, 'approvalEscalateHours');
      parts.push(
        remind !== undefined && escalate !== undefined
          ? say(w, 'approvals.audit.settings_timing', { remind, escalate })
          : say(w, 'approvals.audit.settings_timing_default'),
      );
    }
    const reclaim = bool(e.after, 'idleReclaim');
    if (changed('idleReclaim') && reclaim !== undefined)
      parts.push(say(w, 'notices.audit.settings_idle_reclaim', { on: has(reclaim) }));
    return parts.length
      ? say(w, 'notices.audit.organization_settings', { by: by(e, w), parts: parts.join(', ') })
      : undefined;
  },
  'organization.workspace_linked': (e, w) =>
    say(w, 'notices.audit.organization_workspace_linked', {
      by: by(e, w),
      platform: str(e.after, 'platform') ?? 'none',
    }),
  'organization.workspace_unlinked': (e, w) =>
    say(w, 'notices.audit.organization_workspace_unlinked', {
      by: by(e, w),
      platform: str(e.before, 'platform') ?? 'none',
    }),
  'scim.token_issued': (e, w) => say(w, 'notices.audit.scim_token_issued', { by: by(e, w) }),
  'scim.token_revoked': (e, w) => say(w, 'notices.audit.scim_token_revoked', { by: by(e, w) }),
  'scim.token_rotated': (e, w) => say(w, 'notices.audit.scim_token_rotated', { by: by(e, w) }),
} satisfies SentencesFor<`organization.${string}` | `scim.${string}`>;
