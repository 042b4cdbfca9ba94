import { type AuditAction, isAuditAction } from '../../domain/audit-actions.ts';
import { english, type Words, wordsFor } from '../../i18n/words.ts';
import type { AuditEntry, AuditPage, AuditPerson } from '../../service/list-audit.ts';
import { APPROVAL_SENTENCES } from './approvals.ts';
import { MONEY_SENTENCES } from './money.ts';
import { ORGANIZATION_SENTENCES } from './organization.ts';
import { PEOPLE_SENTENCES } from './people.ts';
import { SEAT_SENTENCES } from './seats.ts';
import { type AuditFacts, type AuditWords, by, has, type Sentence, say, words } from './words.ts';

/** One sentence per kind the service writes: a kind without one does not compile. */
export const AUDIT_SENTENCES: Record<AuditAction, Sentence> = {
  ...PEOPLE_SENTENCES,
  ...SEAT_SENTENCES,
  ...MONEY_SENTENCES,
  ...ORGANIZATION_SENTENCES,
  ...APPROVAL_SENTENCES,
};

/** No names to look up: codes as they are, English, times in UTC. */
const PLAIN: AuditWords = { person: (email) => email, plan: (code) => code, at: (d) => english.when(d) };

/** For a kind no longer written, or a row its sentence cannot read: still one readable line. */
export const genericSentence = (e: AuditFacts, w: AuditWords = PLAIN) =>
  say(w, 'notices.audit.generic', {
    by: by(e, w),
    what: words(e.action),
    withSubject: has(e.subject),
    subject: e.subject ?? '',
  });

export const auditSentence = (e: AuditFacts, w: AuditWords): string => {
  if (!isAuditAction(e.action)) return genericSentence(e, w);
  try {
    return AUDIT_SENTENCES[e.action](e, w) ?? genericSentence(e, w);
  } catch {
    // a stored row of an unexpected shape must not cost the reader the whole page
    return genericSentence(e, w);
  }
};

const label = (p: AuditPerson | null) => (p ? p.name || p.email : null);
const objectOr = (o: unknown) =>
  o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : {};

/**
 * A page of the service's audit as the sentences read it, in the reader's language, times in
 * `timeZone` (unset: UTC).
 */
export const auditLines = (
  page: AuditPage,
  o: { timeZone?: string; now: Date },
  reader: Words = english,
): string[] => {
  const zoned = wordsFor(reader.locale, o.timeZone);
  const w: AuditWords = {
    person: (email) => page.names[email.toLowerCase()] || email,
    plan: (code) => page.plans[code] ?? code,
    at: (d) => zoned.when(d, o.now),
    words: zoned,
  };
  return page.events.map((e: AuditEntry) => {
    const facts: AuditFacts = {
      action: e.action,
      actor: label(e.people.actor),
      subject: label(e.people.subject),
      before: objectOr(e.before),
      after: objectOr(e.after),
      currency: e.currency,
      purchase: e.purchase,
    };
    return `${w.at(e.at)} — ${auditSentence(facts, w)}`;
  });
};
