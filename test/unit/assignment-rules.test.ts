import { describe, expect, it } from 'vitest';
import { assignmentStatement, FACT_SQL, outcomeCase } from '../../db/repositories/assignment.ts';
import {
  ASSIGNING_MEMBERSHIPS,
  ASSIGNMENT_CONDITIONS,
  type AssignmentCondition,
  type AssignmentState,
  assignmentFacts,
  checkAssignment,
  firstFailing,
  type RefusalContext,
} from '../../src/domain/assignment-rules.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { Membership, Organization } from '../../src/domain/model.ts';

/**
 * The conditions of an assignment are one list; both paths derive from it. These checks fail
 * when a condition is added to one path only.
 */
const statement = assignmentStatement(new Date('2026-03-01T00:00:00Z'), {
  organizationId: '00000000-0000-0000-0000-000000000001',
  actorEmail: 'a@example.com',
  memberEmail: 'b@example.com',
  plan: 'pro',
})!;

const context: RefusalContext = {
  organizationName: 'Acme',
  actorRole: 'member',
  planCode: 'pro',
  planName: 'Pro',
  planCodes: ['free', 'pro', 'business'],
  memberEmail: 'b@example.com',
};

describe('the assignment conditions', () => {
  it('give every condition a SQL expression, and no SQL expression lacks a condition', () => {
    for (const c of ASSIGNMENT_CONDITIONS) expect(FACT_SQL[c.fact]?.trim(), c.fact).toBeTruthy();
    const used = new Set(ASSIGNMENT_CONDITIONS.map((c) => c.fact));
    expect(Object.keys(FACT_SQL).filter((f) => !used.has(f as never))).toEqual([]);
  });

  it('put the fast path statement in the order of the list, every condition in it', () => {
    const whens = [...statement.sql.matchAll(/when \((.+?)\) is not true then '([a-z_]+)'/g)].map(
      (m) => `${m[1]} -> ${m[2]}`,
    );
    const before = ASSIGNMENT_CONDITIONS.filter((c) => c.stage === 'before_claim');
    // the gate over the conditions known before the claim, then the outcome over all of them
    expect(whens).toEqual([
      ...before.map((c) => `f."${c.fact}" -> ${c.code}`),
      ...ASSIGNMENT_CONDITIONS.map(
        (c) => `${c.stage === 'before_claim' ? `f."${c.fact}"` : FACT_SQL[c.fact]} -> ${c.code}`,
      ),
    ]);
    for (const c of before) expect(statement.sql).toContain(`${FACT_SQL[c.fact]} as "${c.fact}"`);
  });

  it('change the statement when a condition is added', () => {
    const extra: AssignmentCondition = {
      fact: 'planIsPaid',
      stage: 'before_claim',
      code: 'forbidden',
      refusal: () => new DomainError('forbidden', 'x', 'y'),
    };
    const sql = outcomeCase([...ASSIGNMENT_CONDITIONS, extra], (f) => FACT_SQL[f]);
    expect(sql).not.toBe(outcomeCase(ASSIGNMENT_CONDITIONS, (f) => FACT_SQL[f]));
    expect(sql).toContain(`when (${FACT_SQL.planIsPaid}) is not true then 'forbidden' end`);
  });

  it('check the claim last: conditions known by the claim come after all the others', () => {
    const stages = ASSIGNMENT_CONDITIONS.map((c) => c.stage);
    expect(stages.lastIndexOf('before_claim')).toBeLessThan(stages.indexOf('by_claim'));
  });

  it('let exactly the memberships the permission table allows assign', () => {
    expect([...ASSIGNING_MEMBERSHIPS].sort()).toEqual([
      'admin:false',
      'admin:true',
      'owner:false',
      'owner:true',
    ]);
  });

  it('refuse, in the use case, with the first failing condition in list order', () => {
    const org = { id: 'o', name: 'Acme', status: 'cancelled' } as Organization;
    const state: AssignmentState = {
      organization: org,
      actor: { role: 'member', approver: false, status: 'active' } as Membership,
      plan: null,
      target: null,
      held: null,
    };
    const facts = assignmentFacts(state);
    // forbidden, closed, unknown plan and not a member all fail: forbidden comes first
    expect(firstFailing({ ...facts, freeSeatClaimed: false })).toBe('forbidden');
    const e = (() => {
      try {
        checkAssignment('before_claim', facts, context);
      } catch (x) {
        return x as DomainError;
      }
    })();
    expect(e?.code).toBe('forbidden');
    expect(e?.line).toBe('You are a member: that is not yours to do. Ask an admin or the owner to do it.');
  });
});
