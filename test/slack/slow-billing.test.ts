import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { WORKING } from '../../adapters/slack/handlers/slash-command.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { BillingGateway } from '../../src/service/ports.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  blocksText,
  type SlackHarness,
  slashBody,
  startSlack,
} from './harness.ts';

const DELAY_MS = 10_000;

/** Port operations that move money: the ones a payment provider's bad day slows down. */
const MOVES_MONEY = new Set<PropertyKey>(['charge', 'openOrganization', 'purchaseSeats', 'renew']);

/** The real ledger with a 10-second wait before every money move: a payment provider having a bad day. */
const slowGateway = (inner: BillingGateway): BillingGateway =>
  new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'name') return 'slow-ledger';
      if (typeof value !== 'function') return value;
      if (!MOVES_MONEY.has(prop)) return value.bind(target);
      return async (...args: unknown[]) => {
        await new Promise((r) => setTimeout(r, DELAY_MS));
        return value.apply(target, args);
      };
    },
  });

const TEAM = 'T0ACME';
let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db, {
    billing: slowGateway(new LedgerGateway(ledgerChargeStore(db.em), () => db.clock.now())),
  });
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const responses = (id: string) => slack.fake.responses.get(id)!;

describe('a slow billing provider never breaks the 3-second ack', () => {
  it('org create (charges the first period) acks "Working on it…" in under 3 s and posts the result to the response_url later', async () => {
    const r = slack.fake.responseUrl();
    const res = await slack.post(
      // a workspace not linked yet: creating the organization there links it
      slashBody({ teamId: 'T0INITECH', userId: 'UALICE', text: 'org create Initech', responseUrl: r.url }),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect(JSON.parse(res.body).text).toBe(WORKING);
    expect(responses(r.id)).toHaveLength(0);
    const [final] = await slack.fake.waitFor(
      () => (responses(r.id).length ? responses(r.id) : null),
      DELAY_MS + 10_000,
    );
    expect(blocksText(final!.blocks as unknown[])).toMatch(/Initech is created/);
    expect(final!.replace_original).toBe(true);
    const links = await db.em.fork().execute<{ name: string }[]>(
      `select o.name from workspace_link l join organization o on o.id = l.organization_id
         where l.platform = 'slack' and l.workspace_id = 'T0INITECH'`,
    );
    expect(links).toEqual([{ name: 'Initech' }]);
  }, 40_000);

  it('an approval click acks at once; the charge result arrives through the response_url', async () => {
    const add = await slack.post(
      slashBody({
        teamId: TEAM,
        userId: 'UALICE',
        text: 'add 1 pro',
        responseUrl: slack.fake.responseUrl().url,
      }),
    );
    const confirm = (
      JSON.parse(add.body).blocks as { type: string; elements?: { text: { text: string } }[] }[]
    )
      .find((b) => b.type === 'actions')!
      .elements!.find((e) => e.text.text === 'Confirm purchase')!;
    const r = slack.fake.responseUrl();
    const res = await slack.post(
      blockActionBody({ teamId: TEAM, userId: 'UALICE', button: confirm as never, responseUrl: r.url }),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const [final] = await slack.fake.waitFor(
      () => (responses(r.id).length ? responses(r.id) : null),
      DELAY_MS + 10_000,
    );
    expect(blocksText(final!.blocks as unknown[])).toMatch(/Approved: 1 Pro seat added/);
  }, 40_000);
});
