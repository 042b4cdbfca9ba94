import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { accountsByIdsOrEmails } from '../../db/repositories/accounts.ts';
import { auditEventsOf } from '../../db/repositories/audit-log.ts';
import { contractsByIds, membershipsByIds } from '../../db/repositories/contracts.ts';
import { activeOwnContractOf } from '../../db/repositories/organizations.ts';
import { allPlans } from '../../db/repositories/plans.ts';
import { requestsByIds } from '../../db/repositories/purchase-requests.ts';
import { AUDIT_LIMIT } from '../domain/limits.ts';
import type { Account, AuditEvent, PurchaseRequest } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorize, findAccount } from './support/lookups.ts';
import { reading } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  /** only changes made by, or to, this person */
  who: emailField.nullish(),
  limit: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(AUDIT_LIMIT.max, `must be at most ${AUDIT_LIMIT.max}`)
    .default(AUDIT_LIMIT.default),
  offset: z.number().int().min(0).default(0),
});

export interface AuditPerson {
  email: string;
  name: string | null;
}

/** What a purchase request event is about, read from the request itself. */
export interface AuditPurchase {
  plan: string;
  quantity: number;
  needs: PurchaseRequest['needs'];
  proratedAmount: number;
  currency: string;
}

export interface AuditEntry {
  at: Date;
  /** the actor's email; `system` for a change nobody typed */
  actor: string;
  action: string;
  subject: { type: string; id: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** who made the change, and the person it is about (member, account, seat holder, requester), when known */
  people: { actor: AuditPerson | null; subject: AuditPerson | null };
  /** the currency of the event's amounts: its purchase's or contract's, else the organization's */
  currency: string | null;
  purchase: AuditPurchase | null;
}

export interface AuditPage {
  total: number;
  events: AuditEntry[];
  /** names of the accounts the events' before/after mention by email (owner, approver, invitee…) */
  names: Record<string, string>;
  /** display names of the catalog's plans, by code */
  plans: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
// the before/after fields that hold a person's email (domain events written by the use cases)
const EMAIL_KEYS = ['email', 'owner', 'by', 'managerEmail'] as const;

const emailsIn = (e: AuditEvent): string[] =>
  [e.before, e.after].flatMap((o) =>
    o
      ? EMAIL_KEYS.flatMap((k) => {
          const v = o[k];
          return typeof v === 'string' && EMAIL.test(v) ? [v.toLowerCase()] : [];
        })
      : [],
  );
const ids = (xs: unknown[]) => [
  ...new Set(xs.filter((x): x is string => typeof x === 'string' && UUID.test(x))),
];
const of = (e: AuditEvent, type: string) => (e.subjectType === type ? e.subjectId : null);

/**
 * Everything a page of events names, looked up in batches: a constant number of queries per
 * page however many events it has (memberships, requests, contracts, then all accounts at once).
 */
const lookUp = async (em: EntityManager, organizationId: string, events: AuditEvent[]) => {
  const membershipIds = ids(
    events.flatMap((e) => [of(e, 'membership'), of(e, 'seat') && e.before?.membershipId]),
  );
  const memberships = membershipIds.length ? await membershipsByIds(em, membershipIds) : [];
  const requests = await requestsByIds(em, ids(events.map((e) => of(e, 'purchase_request'))));
  const contracts = await contractsByIds(em, ids(events.map((e) => of(e, 'contract'))));
  const own = await activeOwnContractOf(em, organizationId);
  const plans = await allPlans(em);
  const membershipAccount = new Map(memberships.map((m) => [m.id, m.accountId]));
  const request = new Map(requests.map((r) => [r.id, r]));
  const accountIds = ids([
    ...events.map((e) => e.actorId),
    ...events.map((e) => of(e, 'account')),
    ...memberships.map((m) => m.accountId),
    ...requests.map((r) => r.requestedById),
  ]);
  const accounts = await accountsByIdsOrEmails(em, accountIds, [...new Set(events.flatMap(emailsIn))]);
  return {
    membershipAccount,
    request,
    currency: new Map(contracts.map((c) => [c.id, c.currency])),
    ownCurrency: own?.currency ?? null,
    byId: new Map(accounts.map((a) => [a.id, a])),
    byEmail: new Map(accounts.map((a) => [a.email, a])),
    plans: Object.fromEntries(plans.map((p) => [p.code, p.name])),
  };
};

const person = (a: Account | undefined): AuditPerson | null => (a ? { email: a.email, name: a.name } : null);

/**
 * Events as a reader sees them: who acted, who it is about, the currency of its amounts and its
 * purchase, looked up in batches (a constant number of queries for any number of events).
 */
export const describeEvents = async (em: EntityManager, organizationId: string, events: AuditEvent[]) => {
  const l = await lookUp(em, organizationId, events);
  const byEmail = (v: unknown) => {
    if (typeof v !== 'string' || !EMAIL.test(v)) return null;
    return person(l.byEmail.get(v.toLowerCase())) ?? { email: v, name: null };
  };
  const subjectOf = (e: AuditEvent): AuditPerson | null => {
    const viaMembership = (id: unknown) =>
      typeof id === 'string' ? person(l.byId.get(l.membershipAccount.get(id) ?? '')) : null;
    const direct =
      e.subjectType === 'membership'
        ? viaMembership(e.subjectId)
        : e.subjectType === 'account'
          ? person(l.byId.get(e.subjectId))
          : e.subjectType === 'seat'
            ? viaMembership(e.before?.membershipId)
            : e.subjectType === 'purchase_request'
              ? person(l.byId.get(l.request.get(e.subjectId)?.requestedById ?? ''))
              : null;
    return direct ?? byEmail(e.after?.email) ?? byEmail(e.before?.email);
  };
  const names: Record<string, string> = {};
  for (const a of l.byEmail.values()) if (a.name) names[a.email] = a.name;
  const entries = events.map((e): AuditEntry => {
    const r = e.subjectType === 'purchase_request' ? l.request.get(e.subjectId) : undefined;
    const actorAccount = e.actorId ? l.byId.get(e.actorId) : undefined;
    return {
      at: e.at,
      actor: e.actorId ? (actorAccount?.email ?? 'unknown') : 'system',
      action: e.action,
      subject: { type: e.subjectType, id: e.subjectId },
      before: e.before,
      after: e.after,
      people: { actor: person(actorAccount), subject: subjectOf(e) },
      currency:
        r?.currency ?? (e.subjectType === 'contract' ? l.currency.get(e.subjectId) : null) ?? l.ownCurrency,
      purchase: r
        ? {
            plan: r.planCode,
            quantity: r.quantity,
            needs: r.needs,
            proratedAmount: r.proratedAmount,
            currency: r.currency,
          }
        : null,
    };
  });
  return { entries, names, plans: l.plans };
};

/** `audit [<who>] [<limit>]`: the latest changes, newest first (admins), with how many there are. */
export const listAudit = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<AuditPage> => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, 'view_org');
    const who = cmd.who ? await findAccount(em, cmd.who) : null;
    if (cmd.who && !who) return { events: [], total: 0, names: {}, plans: {} };
    const [events, total] = await auditEventsOf(em, org.id, who, { limit: cmd.limit, offset: cmd.offset });
    const { entries, names, plans } = await describeEvents(em, org.id, events);
    return { total, names, plans, events: entries };
  });
};
