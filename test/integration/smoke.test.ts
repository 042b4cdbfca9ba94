import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/service/create-organization.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

describe('smoke', () => {
  it('creates an organization', async () => {
    await upsertAccount(db.ctx, {
      email: 'Owner@Example.com',
      personalPlan: 'business',
      paymentMethod: 'pm_card_visa',
    });
    const r = await createOrganization(db.ctx, { email: 'owner@example.com' }, { name: 'Acme' });
    expect(r.organization.name).toBe('Acme');
    expect(r.charge.ok).toBe(true);
    expect(await db.count('seat')).toBe(1);
  });
});
