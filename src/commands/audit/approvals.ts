import { english } from '../../i18n/words.ts';
import { by, type SentencesFor, say, str, who } from './words.ts';

type ApprovalAction = `approval.${string}`;

/** Delegates: who decides purchases while an approver is away, and until when. */
export const APPROVAL_SENTENCES = {
  'approval.delegated': (e, w) => {
    const until = str(e.after, 'until');
    if (!until) return undefined;
    return say(w, 'approvals.audit.delegated', {
      by: by(e, w),
      delegate: who(e, w),
      day: (w.words ?? english).day(new Date(`${until}T00:00:00Z`)),
    });
  },
  'approval.delegation_ended': (e, w) =>
    say(w, 'approvals.audit.delegation_ended', { by: by(e, w), delegate: who(e, w) }),
} satisfies SentencesFor<ApprovalAction>;
