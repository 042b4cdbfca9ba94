import { type AuditAction, isAuditAction } from '../../domain/audit-actions.ts';
import type { AuditEntry, AuditPage, AuditPerson } from '../../service/list-audit.ts';
import { when } from '../format.ts';
import { MONEY_SENTENCES } from './money.ts';
import { ORGANIZATION_SENTENCES } from './organization.ts';
import { PEOPLE_SENTENCES } from './people.ts';
import { SEAT_SENTENCES } from './seats.ts';
import { type AuditFacts, type AuditWords, by, type Sentence, words } from './words.ts';

/** One sentence per kind the service writes: a kind without one does not compile. */
export const AUDIT_SENTENCES: Record<AuditAction, Sentence> = {
  ...PEOPLE_SENTENCES,
  ...SEAT_SENTENCES,
  ...MONEY_SENTENCES,
  ...ORGANIZATION_SENTENCES,
};

/** For a kind no longer written, or a row its sentence cannot read: still one readable line. */
export const genericSentence = (e: AuditFacts) =>
  `${by(e)} made a change: ${words(e.action)}${e.subject ? `, about ${e.subject}` : ''}.`;

export const auditSentence = (e: AuditFacts, w: AuditWords): string => {
  if (!isAuditAction(e.action)) return genericSentence(e);
  try {
    return AUDIT_SENTENCES[e.action](e, w) ?? genericSentence(e);
  } catch {
    // a stored row of an unexpected shape must not cost the reader the whole page
    return genericSentence(e);
  }
};

const label = (p: AuditPerson | null) => (p ? p.name || p.email : null);
const objectOr = (o: unknown) =>
  o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : {};

/** A page of the service's audit as the sentences read it, times in `timeZone` (unset: UTC). */
export const auditLines = (page: AuditPage, o: { timeZone?: string; now: Date }): string[] => {
  const w: AuditWords = {
    person: (email) => page.names[email.toLowerCase()] || email,
    plan: (code) => page.plans[code] ?? code,
    at: (d) => when(d, o.timeZone, o.now),
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
