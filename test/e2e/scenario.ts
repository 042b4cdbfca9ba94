import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../db/seeders/demo.ts';
import type { ChatDriver, DriverFactory } from './chat-driver.ts';

const [carol, dave, erin] = DEMO.members as [string, string, string];
const { owner: alice, admin: bob, outsider: frank } = DEMO;

/**
 * The end-to-end story every chat platform must tell the same way: an admin invites, the invitee
 * accepts from the DM, a member asks for seats, the approver approves from the DM (and a second
 * click changes nothing), HR offboards two people through the form, and status shows the result.
 * The steps share one database and run in order.
 */
export const chatScenario = (name: string, factory: DriverFactory) =>
  describe(`${name}: invite, accept, request seats, approve, offboard two, status`, () => {
    let chat: ChatDriver;
    beforeAll(async () => {
      chat = await factory();
    }, 60_000);
    afterAll(async () => {
      await chat?.close();
    });

    it('Bob invites Frank with a Pro seat; Frank gets a DM with Accept and Decline', async () => {
      const r = await chat.command(bob, `invite ${frank} plan pro`);
      expect(r.text).toContain(frank);
      await chat.deliver();
      const dm = (await chat.inbox(frank)).findLast((m) => m.buttons.includes('Accept'));
      expect(dm?.text).toMatch(/Acme/);
      expect(dm?.buttons).toEqual(expect.arrayContaining(['Accept', 'Decline']));
    });

    it('Frank accepts from the DM and is a member holding a Pro seat', async () => {
      const r = await chat.click(frank, 'Accept');
      expect(r.text).toMatch(/Acme/);
      const status = await chat.command(frank, 'status');
      expect(status.text).toMatch(/pro/i);
    });

    it('Erin, a member, asks for 2 Pro seats and sees the quote; it goes to the approvers', async () => {
      const r = await chat.command(erin, 'add 2 pro');
      expect(r.text).toMatch(/went to 2 approvers/);
      expect(r.text).toMatch(/Charged now \(prorated\)/);
    });

    it('Bob approves from his DM; a second click changes nothing and says so', async () => {
      await chat.deliver();
      // notices made in one instant may arrive in any order: find the request among them
      const dm = (await chat.inbox(bob)).findLast((m) => m.buttons.includes('Approve'));
      expect(dm?.text).toMatch(/2 Pro seats/i);
      expect(dm?.buttons).toEqual(expect.arrayContaining(['Approve', 'Reject']));
      const r = await chat.click(bob, 'Approve');
      expect(r.text).toMatch(/approved|paid|added/i);
      const again = await chat.click(bob, 'Approve');
      expect(again.text).toMatch(/already/i);
      await chat.deliver();
      expect((await chat.inbox(erin)).map((m) => m.text).join('\n')).toMatch(/2 Pro seats/i);
      const status = await chat.command(bob, 'status');
      expect(status.text).toMatch(/Pro\D+6 purchased/);
    });

    it('Alice offboards Carol and Dave through the form; their seats are freed', async () => {
      const opened = await chat.command(alice, 'offboard');
      expect(opened.form).toEqual(expect.arrayContaining(['members', 'freeSeat']));
      const r = await chat.submit(alice, { members: [carol, dave], freeSeat: true });
      expect(r.text).toMatch(/2 members|Carol|carol/);
      const members = await chat.command(alice, 'members');
      expect(members.text).toContain(erin);
      expect(members.text).not.toMatch(/carol@example\.com[^\n]*\bpro\b/);
    });

    it('status shows the seats per plan after it all', async () => {
      const r = await chat.command(alice, 'status');
      expect(r.text).toMatch(/Pro\D+6 purchased\D+1 assigned\D+5 free/);
    });
  });
