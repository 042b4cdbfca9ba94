import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLines } from '../../src/commands/audit/sentence.ts';
import type { Notifier, Recipient } from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { chooseLanguage } from '../../src/service/choose-language.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { type AuditEntry, type AuditPage, listAudit } from '../../src/service/list-audit.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { account, addMember, orgWith } from '../support/fixtures.ts';

/** The chat platforms' stand-in: keeps each rendered notice with its recipient. */
class Recorder implements Notifier {
  readonly name = 'recorder';
  sent: { to: string; kind: string; reply: Reply }[] = [];
  async send(to: Recipient, reply: Reply, meta: { kind: string }) {
    this.sent.push({ to: to.email, kind: meta.kind, reply });
  }
  to(email: string, kind: string) {
    const found = this.sent.find((s) => s.to === email && s.kind === kind);
    if (!found) throw new Error(`no ${kind} notice to ${email}`);
    return found.reply;
  }
}

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

// monthly organizations created now: a third of the first period (31 days) is 2026-03-11T08:00Z
const START = '2026-03-01T00:00:00Z';
const A_THIRD_IN = new Date('2026-03-11T08:00:00Z');

/** Everything queued so far counts as delivered: each test reads only its own notices. */
const deliveredSoFar = () => db.em.fork().execute(`update outbox set status = 'sent'`);

describe('notices in the recipient’s language, through the outbox', () => {
  it('an invitation DM reads in French for a French invitee and in Dutch for a Dutch one', async () => {
    db.clock.set(START);
    const f = await orgWith(db, { name: 'Acme' });
    const claire = await account(db);
    const daan = await account(db);
    await chooseLanguage(db.ctx, claire.actor, { language: 'fr' });
    await chooseLanguage(db.ctx, daan.actor, { language: 'nl' });
    await deliveredSoFar();
    await inviteMembers(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      emails: [claire.email, daan.email],
    });
    const recorder = new Recorder();
    await deliverOutbox(db.ctx, recorder);

    const fr = recorder.to(claire.email, 'invitation');
    expect(fr.text).toBe(
      `${f.owner.email} vous invite dans Acme en tant que membre. L’invitation est valable jusqu’au 8 mars 2026, 00:00 UTC.`,
    );
    expect(fr.buttons?.map((b) => b.label)).toEqual(['Accepter', 'Refuser']);
    const nl = recorder.to(daan.email, 'invitation');
    expect(nl.text).toBe(
      `${f.owner.email} nodigt je uit voor Acme als lid. De uitnodiging is geldig tot 8 mrt 2026, 00:00 UTC.`,
    );
    expect(nl.buttons?.map((b) => b.label)).toEqual(['Accepteren', 'Afwijzen']);
  });

  it('an approval request reads in each approver’s language, money and dates in their locale', async () => {
    db.clock.set(START);
    const f = await orgWith(db, { name: 'Acme' });
    const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
    const member = await addMember(db, f.org.id, { role: 'member' });
    await chooseLanguage(db.ctx, f.owner.actor, { language: 'fr' });
    await chooseLanguage(db.ctx, approver.actor, { language: 'nl' });
    await deliveredSoFar();
    db.clock.set(A_THIRD_IN);
    // 3 pro seats at €15.00 for the two thirds of the period left: €30.00 now, €75.00 a month after
    await requestSeats(db.ctx, member.actor, { organizationId: f.org.id, quantity: 3, plan: 'pro' });
    const recorder = new Recorder();
    await deliverOutbox(db.ctx, recorder);

    const fr = recorder.to(f.owner.email, 'approval_request');
    expect(fr.text).toBe(`${member.email} demande 3 licences Pro dans Acme.`);
    expect(fr.fields).toEqual([
      { label: 'Facturé maintenant (au prorata)', value: '30,00\u00a0€' },
      { label: 'Nouveau total récurrent', value: '75,00\u00a0€ par mois' },
      { label: 'Ouverte jusqu’au', value: '18 mars 2026, 08:00 UTC' },
    ]);
    const nl = recorder.to(approver.email, 'approval_request');
    expect(nl.text).toBe(`${member.email} vraagt 3 Pro-licenties aan in Acme.`);
    expect(nl.fields).toEqual([
      { label: 'Nu in rekening gebracht (naar rato)', value: '€\u00a030,00' },
      { label: 'Nieuw terugkerend totaal', value: '€\u00a075,00 per maand' },
      { label: 'Open tot', value: '18 mrt 2026, 08:00 UTC' },
    ]);

    // the same request as the audit reads it, for a reader in Paris
    const page = await listAudit(db.ctx, f.owner.actor, { organizationId: f.org.id, limit: 1 });
    const opts = { timeZone: 'Europe/Paris', now: db.clock.now() };
    expect(auditLines(page, opts, wordsFor('fr'))).toEqual([
      `11 mars, 09:00 — ${member.email} a demandé 3 licences Pro, 30,00\u00a0€ maintenant (au prorata), approbation requise.`,
    ]);
    expect(auditLines(page, opts, wordsFor('nl'))).toEqual([
      `11 mrt, 09:00 — ${member.email} heeft 3 Pro-licenties aangevraagd, nu €\u00a030,00 (naar rato), goedkeuring nodig.`,
    ]);
    // English reads as it always has
    expect(auditLines(page, opts)).toEqual([
      `Mar 11, 09:00 — ${member.email} asked for 3 Pro seats, €30.00 now (prorated), approval needed.`,
    ]);
  });
});

describe('audit sentences in the reader’s language', () => {
  const ANA = 'ana@example.com';
  const BEN = 'ben@example.com';
  const entry = (action: string, before: object, after: object): AuditEntry => ({
    at: new Date('2026-12-08T20:20:00Z'),
    actor: ANA,
    action,
    subject: { type: 'membership', id: '4726bf17-0c1d-4f5e-9a2b-3c4d5e6f7a8b' },
    before: before as Record<string, unknown>,
    after: after as Record<string, unknown>,
    people: { actor: { email: ANA, name: 'Ana Lima' }, subject: { email: BEN, name: 'Ben' } },
    currency: 'eur',
    purchase: null,
  });
  const page: AuditPage = {
    total: 3,
    events: [
      entry('seat.assigned', { plan: 'pro' }, { plan: 'business' }),
      entry('organization.settings', { autoApproveBelow: null }, { autoApproveBelow: 123450 }),
      entry('billing.charge_declined', {}, { kind: 'renewal', amount: 9000, reason: 'card_declined' }),
    ],
    names: { [ANA]: 'Ana Lima', [BEN]: 'Ben' },
    plans: { pro: 'Pro', business: 'Business', free: 'Free' },
  };
  const opts = { timeZone: 'Europe/Amsterdam', now: new Date('2026-12-10T00:00:00Z') };

  it('French: names and plans as given, money and times the French way', () => {
    expect(auditLines(page, opts, wordsFor('fr'))).toEqual(
      [
        'Ana Lima a attribué une licence Business à Ben (auparavant Pro).',
        'Ana Lima a modifié les réglages : approbation automatique sous 1\u202f234,50\u00a0€.',
        'Le prélèvement de renouvellement de 90,00\u00a0€ a été refusé : card_declined ; plus aucune tentative.',
      ].map((line) => `8 déc., 21:20 — ${line}`),
    );
  });

  it('Dutch: the same events in Dutch', () => {
    expect(auditLines(page, opts, wordsFor('nl'))).toEqual(
      [
        'Ana Lima heeft Ben een Business-licentie gegeven (was Pro).',
        'Ana Lima heeft de instellingen gewijzigd: automatisch goedkeuren onder €\u00a01.234,50.',
        'De verlengingsafschrijving van €\u00a090,00 is geweigerd: card_declined; geen pogingen meer.',
      ].map((line) => `8 dec, 21:20 — ${line}`),
    );
  });
});
