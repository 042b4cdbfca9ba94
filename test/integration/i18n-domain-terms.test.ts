import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import { renderNotice } from '../../src/commands/notices.ts';
import type { Notifier, Recipient } from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { parseNotice } from '../../src/domain/notices.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { english, wordsFor } from '../../src/i18n/words.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { applyBillingEvent } from '../../src/service/apply-billing-event.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { chooseLanguage } from '../../src/service/choose-language.ts';
import { collectDueCharges } from '../../src/service/collect-period-charges.ts';
import { recordUsage } from '../../src/service/record-usage.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { rollDueContracts } from '../../src/service/roll-renewal.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, addSeats, orgWith } from '../support/fixtures.ts';

/**
 * What the domain and the service report as codes and facts (invite skips, request stages,
 * unassignment warnings, plan features, period charges, billing problems, the last day of a
 * cancelled organization), said in French and Dutch through the command layer and the outbox.
 * English reads as it always has (the English tests of each command are unchanged).
 */

/** The chat platforms' stand-in: keeps each rendered notice with its recipient. */
class Recorder implements Notifier {
  readonly name = 'recorder';
  sent: { to: string; kind: string; reply: Reply }[] = [];
  async send(to: Recipient, reply: Reply, meta: { kind: string }) {
    this.sent.push({ to: to.email, kind: meta.kind, reply });
  }
  all(email: string, kind: string) {
    return this.sent.filter((s) => s.to === email && s.kind === kind).map((s) => s.reply);
  }
}

const logged: unknown[] = [];
let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

const context = (email: string, locale: Locale) => ({ service: db.ctx, actor: { email }, locale });
const say = (email: string, locale: Locale, text: string) =>
  runCommand(context(email, locale), text, (e) => logged.push(e));
const act = (email: string, locale: Locale, action: string, payload: Record<string, unknown>) =>
  runAction(context(email, locale), action, { payload: payload as never }, (e) => logged.push(e));

/** Everything queued so far counts as delivered: each test reads only its own notices. */
const deliveredSoFar = () => db.em.fork().execute(`update outbox set status = 'sent'`);
const deliver = async () => {
  const recorder = new Recorder();
  await deliverOutbox(db.ctx, recorder);
  return recorder;
};

describe('invite skip reasons', () => {
  it('says who is already a member in French and Dutch', async () => {
    const f = await orgWith(db, { name: 'Acme', members: 1 });
    const member = f.members[0]!.email;
    const fr = await say(f.owner.email, 'fr', `invite ${member}`);
    expect(fr.text).toBe('Personne de nouveau à inviter.');
    expect(fr.sections).toEqual([{ title: 'Ignorés', lines: [`${member} : déjà membre`] }]);
    const nl = await say(f.owner.email, 'nl', `invite ${member}`);
    expect(nl.sections).toEqual([{ title: 'Overgeslagen', lines: [`${member}: al lid`] }]);
    const en = await say(f.owner.email, 'en', `invite ${member}`);
    expect(en.sections).toEqual([{ title: 'Skipped', lines: [`${member}: already a member`] }]);
  });
});

describe('request stages', () => {
  it('lists requests with their stage in French and Dutch, and says an approved one is already decided', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    const member = await addMember(db, f.org.id);
    const waiting = await requestSeats(db.ctx, member.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    const paid = await requestSeats(db.ctx, member.actor, {
      organizationId: f.org.id,
      quantity: 1,
      plan: 'pro',
    });
    const approved = await act(f.owner.email, 'en', 'purchase.approve', { requestId: paid.request.id });
    expect(approved.tone).toBe('ok');
    await requestSeats(db.ctx, f.owner.actor, { organizationId: f.org.id, quantity: 1, plan: 'business' });

    const fr = await say(f.owner.email, 'fr', 'requests');
    // made at the same instant: in no particular order
    expect([...(fr.sections?.[0]?.lines ?? [])].sort()).toEqual(
      [
        `Demande de 2 licences Pro pour 30,00\u00a0€ — par ${member.email} le 1 mars, 00:00 UTC, en attente d’un approbateur, ouverte jusqu’au 8 mars, 00:00 UTC`,
        'Demande de 1 licence Business pour 30,00\u00a0€ — par vous le 1 mars, 00:00 UTC, pas encore confirmée, devis valable jusqu’au 2 mars, 00:00 UTC',
        `Demande de 1 licence Pro pour 15,00\u00a0€ — par ${member.email} le 1 mars, 00:00 UTC, approuvée et payée par ${f.owner.email}`,
      ].sort(),
    );
    const nl = await say(f.owner.email, 'nl', 'requests');
    expect([...(nl.sections?.[0]?.lines ?? [])].sort()).toEqual(
      [
        `2 Pro-licenties voor €\u00a030,00 — aangevraagd door ${member.email} op 1 mrt, 00:00 UTC, wacht op een goedkeurder, open tot 8 mrt, 00:00 UTC`,
        '1 Business-licentie voor €\u00a030,00 — aangevraagd door jou op 1 mrt, 00:00 UTC, nog niet bevestigd, offerte geldig tot 2 mrt, 00:00 UTC',
        `1 Pro-licentie voor €\u00a015,00 — aangevraagd door ${member.email} op 1 mrt, 00:00 UTC, goedgekeurd en betaald door ${f.owner.email}`,
      ].sort(),
    );
    const en = (await say(f.owner.email, 'en', 'requests')).sections?.[0]?.lines ?? [];
    expect(en.filter((l) => /, waiting for an approver, open until /.test(l))).toHaveLength(1);
    expect(en.filter((l) => /, not confirmed yet, quote valid until /.test(l))).toHaveLength(1);
    expect(en.filter((l) => l.endsWith(`, approved and paid by ${f.owner.email}`))).toHaveLength(1);

    // the same stage where a second approval is refused
    const fr2 = await act(f.owner.email, 'fr', 'purchase.approve', { requestId: paid.request.id });
    expect(fr2.text).toBe(
      `Demande déjà traitée : 1 licence Pro, approuvée et payée par ${f.owner.email}. Rien n’a changé.`,
    );
    const nl2 = await act(f.owner.email, 'nl', 'purchase.approve', { requestId: paid.request.id });
    expect(nl2.text).toBe(
      `Al beslist: 1 Pro-licentie goedgekeurd en betaald door ${f.owner.email}. Er is niets veranderd.`,
    );
    expect(waiting.outcome).toBe('pending');
  });
});

describe('a list of requests a page at a time', () => {
  it('says which rows it shows and offers the next page in the reader’s language', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    const member = await addMember(db, f.org.id);
    for (let i = 0; i < 7; i++)
      await requestSeats(db.ctx, member.actor, { organizationId: f.org.id, quantity: 1, plan: 'pro' });
    const fr = await say(f.owner.email, 'fr', 'requests');
    expect(fr.sections?.[0]?.title).toContain('1–5 sur 7');
    expect(fr.buttons?.map((b) => b.label)).toContain('Page 2 sur 2 ▶');
    const nl = await say(f.owner.email, 'nl', 'requests');
    expect(nl.buttons?.map((b) => b.label).join(' ')).not.toMatch(/Next|of 2/);
  });
});

describe('what stops working after an unassignment', () => {
  const FR_LINES = [
    '1 sondage actif au-delà de la limite de 100 réponses du plan Free passera à l’état inactif',
    'Plus d’accès à : exportations, image de marque',
  ];
  const NL_LINES = [
    '1 actieve enquête boven de limiet van 100 antwoorden van het Free-plan wordt inactief',
    'Geen toegang meer tot: exports, huisstijl',
  ];

  it('says it in the reply and in the notice, in French and Dutch', async () => {
    const f = await orgWith(db, { name: 'Acme', seats: { pro: 1 } });
    const member = await addMember(db, f.org.id);
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: member.email, plan: 'pro' });
    await recordUsage(db.ctx, {
      email: member.email,
      records: [{ resourceType: 'survey', resourceId: 's', metric: 'survey_responses', value: 250 }],
    });
    const fr = await say(f.owner.email, 'fr', `unassign ${member.email}`);
    expect(fr.sections).toEqual([{ title: 'Ce qui change', lines: FR_LINES }]);
    expect(fr.buttons?.[0]?.confirm?.text).toBe(FR_LINES.join(' '));
    const nl = await say(f.owner.email, 'nl', `unassign ${member.email}`);
    expect(nl.sections).toEqual([{ title: 'Wat er verandert', lines: NL_LINES }]);
    const en = await say(f.owner.email, 'en', `unassign ${member.email}`);
    expect(en.sections?.[0]?.lines).toEqual([
      '1 active survey over the Free limit of 100 responses will become inactive',
      'No more access to: exports, branding',
    ]);

    // the member, who reads Dutch, is told the same in Dutch
    await chooseLanguage(db.ctx, member.actor, { language: 'nl' });
    await deliveredSoFar();
    const done = await act(f.owner.email, 'fr', 'unassign.confirm', {
      organizationId: f.org.id,
      member: member.email,
    });
    expect(done.tone).toBe('ok');
    const [told, ...more] = (await deliver()).all(member.email, 'seat_removed');
    expect(more).toEqual([]);
    expect(told?.sections).toEqual([{ title: 'Wat er verandert', lines: NL_LINES }]);
    expect(logged).toEqual([]);
  });

  it('shows a warning stored as English words before they were structured as it is', () => {
    const legacy = parseNotice('seat_removed', {
      organizationName: 'Acme',
      plan: 'pro',
      by: 'ana@example.com',
      warnings: ['No more access to: exports'],
    });
    expect(renderNotice(legacy, wordsFor('fr')).sections).toEqual([
      { title: 'Ce qui change', lines: ['No more access to: exports'] },
    ]);
    const other = parseNotice('seat_removed', {
      organizationName: 'Acme',
      plan: 'pro',
      by: 'ana@example.com',
      warnings: [
        { code: 'over_limit', count: 2, resource: 'token', metric: 'api_calls', limit: 10_000, plan: 'Tiny' },
      ],
    });
    expect(renderNotice(other, wordsFor('fr')).sections?.[0]?.lines).toEqual([
      '2 éléments « token » actifs au-delà de la limite de 10\u202f000 api calls du plan Tiny passeront à l’état inactif',
    ]);
    expect(renderNotice(other, wordsFor('nl')).sections?.[0]?.lines).toEqual([
      '2 actieve items "token" boven de limiet van 10.000 api calls van het Tiny-plan worden inactief',
    ]);
    expect(renderNotice(other, english).sections?.[0]?.lines).toEqual([
      '2 active tokens over the Tiny limit of 10000 api calls will become inactive',
    ]);
  });

  it('names plan features in the plans list', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    expect((await say(f.owner.email, 'fr', 'plans')).sections?.[0]?.lines[2]).toBe(
      'Business (`business`) : 30,00\u00a0€/mois ou 300,00\u00a0€/an — sondages, exportations, image de marque, groupes, API, SSO',
    );
    expect((await say(f.owner.email, 'nl', 'plans')).sections?.[0]?.lines[2]).toBe(
      'Business (`business`): €\u00a030,00/maand of €\u00a0300,00/jaar — enquêtes, exports, huisstijl, groepen, API, SSO',
    );
    expect((await say(f.owner.email, 'en', 'plans')).sections?.[0]?.lines[2]).toMatch(
      / — surveys, exports, branding, groups, api, sso$/,
    );
  });
});

describe('period charges and billing problems, through the outbox', () => {
  it('a declined renewal, its retries and its payment read in the owner’s and the approver’s language', async () => {
    const f = await orgWith(db, { name: 'Overdue' });
    await addSeats(db, f.contract.id, 'pro', 2);
    const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
    await upsertAccount(db.ctx, { email: f.owner.email, paymentMethod: 'pm_card_chargeDeclined' });
    await chooseLanguage(db.ctx, f.owner.actor, { language: 'fr' });
    await chooseLanguage(db.ctx, approver.actor, { language: 'nl' });
    await deliveredSoFar();
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    for (const at of ['2026-04-02', '2026-04-04', '2026-04-06', '2026-04-08']) {
      db.clock.set(`${at}T06:00:00Z`);
      await collectDueCharges(db.ctx);
    }
    await upsertAccount(db.ctx, { email: f.owner.email, paymentMethod: 'pm_card_visa' });
    db.clock.set('2026-04-09T06:00:00Z');
    await collectDueCharges(db.ctx);
    const r = await deliver();

    const fr = r.all(f.owner.email, 'billing_problem').map((x) => x.text);
    const frFailed =
      'La facturation de Overdue demande votre attention : le paiement du renouvellement du 1 avr. 2026 a échoué : Your card was declined.';
    const frNext = 'Mettez à jour le moyen de paiement pour régler plus tôt.';
    expect(fr).toEqual([
      ...['2', '4', '6', '8'].map((d) => `${frFailed} Nous réessaierons le ${d} avr. 2026. ${frNext}`),
      `${frFailed} C’était la dernière tentative : les licences payantes sont suspendues jusqu’au paiement. ${frNext}`,
    ]);
    expect(r.all(f.owner.email, 'payment_received').map((x) => x.text)).toEqual([
      'Merci : le paiement du renouvellement du 1 avr. 2026 pour Overdue est payé (60,00\u00a0€).',
    ]);

    const nl = r.all(approver.email, 'billing_problem').map((x) => x.text);
    const nlFailed =
      'De facturatie van Overdue vraagt aandacht: de verlengingsbetaling van 1 apr 2026 is mislukt: Your card was declined.';
    const nlNext = 'Werk de betaalmethode bij om eerder te betalen.';
    expect(nl).toEqual([
      ...['2', '4', '6', '8'].map((d) => `${nlFailed} We proberen het opnieuw op ${d} apr 2026. ${nlNext}`),
      `${nlFailed} Dat was de laatste poging: de betaalde licenties zijn geschorst tot er betaald is. ${nlNext}`,
    ]);
    expect(r.all(approver.email, 'payment_received').map((x) => x.text)).toEqual([
      'Bedankt: de verlengingsbetaling van 1 apr 2026 voor Overdue is betaald (€\u00a060,00).',
    ]);
  });

  it('an unpaid invoice reads in the owner’s language, the provider’s message as it wrote it', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    await chooseLanguage(db.ctx, f.owner.actor, { language: 'nl' });
    await deliveredSoFar();
    await applyBillingEvent(db.ctx, {
      id: `evt_failed_${f.contract.id}`,
      type: 'invoice.payment_failed',
      kind: 'invoice_failed',
      contractId: f.contract.id,
      invoiceRef: 'in_1',
      reason: 'Your card was declined.',
    });
    expect((await deliver()).all(f.owner.email, 'billing_problem').map((x) => x.text)).toEqual([
      'De facturatie van Acme vraagt aandacht: Een factuur is niet betaald: Your card was declined.',
    ]);
  });

  it('a failed first invoice and a late purchase’s charge, as stored, in each language', () => {
    const said = (kind: string, payload: object, locale: Locale) =>
      renderNotice(parseNotice(kind, payload), wordsFor(locale)).text;
    const first = (setupUrl: string | null) => ({
      organizationName: 'Acme',
      reason: { code: 'first_invoice_failed', provider: 'Your card was declined.', setupUrl },
    });
    expect(said('billing_problem', first('https://pay.example/s'), 'fr')).toBe(
      'La facturation de Acme demande votre attention : le paiement de la première facture a échoué : Your card was declined. Ajoutez un autre moyen de paiement ici : https://pay.example/s',
    );
    expect(said('billing_problem', first(null), 'nl')).toBe(
      'De facturatie van Acme vraagt aandacht: de eerste factuur is mislukt: Your card was declined. Voeg een andere betaalmethode toe met `org create Acme`.',
    );
    expect(said('billing_problem', first(null), 'en')).toBe(
      'Billing for Acme needs attention: the first invoice failed: Your card was declined. Add another payment method with `org create Acme`.',
    );
    const late = {
      organizationName: 'Acme',
      what: {
        kind: 'late_purchase',
        periodStart: '2026-04-01T00:00:00.000Z',
        items: [
          { plan: 'pro', quantity: 2 },
          { plan: 'business', quantity: 1 },
        ],
      },
      amount: 6000,
      currency: 'eur',
    };
    expect(said('payment_received', late, 'fr')).toBe(
      'Merci : le paiement de 2 licences pro, 1 licence business pour la période du 1 avr. 2026 pour Acme est payé (60,00\u00a0€).',
    );
    expect(said('payment_received', late, 'nl')).toBe(
      'Bedankt: de betaling voor 2 pro-licenties, 1 business-licentie in de periode van 1 apr 2026 voor Acme is betaald (€\u00a060,00).',
    );
    expect(said('payment_received', late, 'en')).toBe(
      'Thank you: the payment for 2 pro seats, 1 business seat in the period of 2026-04-01 for Acme is paid (€60.00).',
    );
    // rows written before these were structured carry English words: shown as they are
    expect(
      said('billing_problem', { organizationName: 'Acme', reason: 'An invoice was not paid: expired' }, 'fr'),
    ).toBe('La facturation de Acme demande votre attention : An invoice was not paid: expired');
    expect(
      said(
        'payment_received',
        { organizationName: 'Acme', what: 'renewal payment of 2026-03-01', amount: 100, currency: 'eur' },
        'nl',
      ),
    ).toBe('Bedankt: de renewal payment of 2026-03-01 voor Acme is betaald (€\u00a01,00).');
  });
});

describe('the last day of a cancelled organization', () => {
  it('is said the reader’s way when it is cancelled again', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    const first = await act(f.owner.email, 'fr', 'org.cancel.confirm', { organizationId: f.org.id });
    expect(first.text).toBe(
      'Résilié. Tout le monde garde l’accès jusqu’au 1 avr. 2026 ; `cancel undo` annule la résiliation d’ici là.',
    );
    const again = (locale: Locale) =>
      act(f.owner.email, locale, 'org.cancel.confirm', { organizationId: f.org.id });
    expect((await again('fr')).text).toBe(
      'Acme est déjà résiliée ; l’accès reste ouvert jusqu’au 1 avr. 2026. Vous avez changé d’avis ? `cancel undo` conserve l’organisation.',
    );
    expect((await again('nl')).text).toBe(
      'Acme is al opgezegd; de toegang loopt tot 1 apr 2026. Toch niet? Met `cancel undo` blijft de organisatie bestaan.',
    );
    expect((await again('en')).text).toBe(
      'Acme is already cancelled; access lasts until 2026-04-01. Changed your mind? `cancel undo` keeps the organization.',
    );
  });
});
