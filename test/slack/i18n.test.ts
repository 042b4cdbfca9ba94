import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, blocksText, eventBody, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0ACME';

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  // Slack's users.info says which language each person reads Slack in
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner, { locale: 'fr-FR' });
  slack.fake.addUser(TEAM, 'UBOB', DEMO.admin, { locale: 'nl-NL' });
  slack.fake.addUser(TEAM, 'UERIN', DEMO.members[2]!, { locale: 'en-US' });
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = (userId: string, text: string) =>
  slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: slack.fake.responseUrl().url }));

type Modal = {
  title: { text: string };
  close: { text: string };
  submit: { text: string };
  private_metadata: string;
  blocks: { type: string; block_id?: string; text?: { text: string } }[];
};

const offboardModal = async (userId: string): Promise<Modal> => {
  const before = slack.fake.callsTo('views.open').length;
  const r = await slash(userId, 'offboard');
  expect(r.status).toBe(200);
  const open = await slack.fake.waitFor(() => slack.fake.callsTo('views.open')[before]);
  return open.args.view as Modal;
};

const summaryOf = (view: Modal) => view.blocks.find((b) => b.block_id === 'summary')?.text?.text ?? '';

describe('Slack adapter text in the reader’s language (users.info locale)', () => {
  it('App Home for a French reader: the hint line is French, the command stays `/seats help`', async () => {
    const before = slack.fake.callsTo('views.publish').length;
    const r = await slack.post(
      eventBody(TEAM, {
        type: 'app_home_opened',
        user: 'UALICE',
        channel: 'DUALICE',
        tab: 'home',
        event_ts: '1.2',
      }),
      { contentType: 'application/json' },
    );
    expect(r.status).toBe(200);
    const call = await slack.fake.waitFor(() => slack.fake.callsTo('views.publish')[before]);
    const text = blocksText((call.args as { view: { blocks: unknown[] } }).view.blocks);
    expect(text).toContain('Tapez `/seats help` dans n’importe quel canal pour voir toutes les commandes.');
    expect(text).not.toContain('Type `/seats help`');
  });

  it('the offboarding modal for a French reader: Annuler, a French summary, its language kept for redraws', async () => {
    const view = await offboardModal('UALICE');
    expect(view.close.text).toBe('Annuler');
    expect(summaryOf(view)).toMatch(/^\*Récapitulatif avant envoi\*\n/);
    // the toggles start on: their value reads French
    expect(summaryOf(view)).toMatch(/: \*oui\*/);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ action: 'offboard.submit', locale: 'fr' });
  });

  it('the offboarding modal for a Dutch reader: Annuleren and a Dutch summary', async () => {
    const view = await offboardModal('UBOB');
    expect(view.close.text).toBe('Annuleren');
    expect(summaryOf(view)).toMatch(/^\*Overzicht voor je verstuurt\*\n/);
    expect(summaryOf(view)).toMatch(/: \*ja\*/);
  });

  it('an approval request DM shows money the way each approver’s locale writes it', async () => {
    const r = await slash('UERIN', 'add 2 pro');
    expect(r.status).toBe(200);
    await deliverOutbox(db.ctx, slack.notifier);
    const dm = (channel: string) =>
      slack.fake.messages
        .filter((m) => m.channel === channel)
        .map((m) => blocksText(m.versions.at(-1)!.blocks))
        .join('\n');
    // French: `30,00 €` (a narrow no-break space before €); Dutch: `€ 30,00`
    expect(dm('DUALICE')).toMatch(/\d+,\d{2}\s€/);
    expect(dm('DUBOB')).toMatch(/€\s\d+,\d{2}/);
  });
});
