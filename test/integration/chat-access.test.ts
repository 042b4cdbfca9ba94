import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction, runCommand } from '../../src/commands/dispatch.ts';
import type { Platform } from '../../src/domain/workspace.ts';
import { identifyChatUser } from '../../src/service/chat-access.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { issueLinkCode } from '../../src/service/issue-link-code.ts';
import { linkWorkspace } from '../../src/service/link-workspace.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { unlinkWorkspace } from '../../src/service/unlink-workspace.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  addMember,
  auditRows,
  DAY_MS,
  type OrgFixture,
  orgWith,
  outboxTo,
  refusal,
  refusedUnchanged,
} from '../support/fixtures.ts';
import { linkWorkspace as linkDirectly } from '../support/links.ts';

let db: TestDb;
let acme: OrgFixture;
let globex: OrgFixture;
/** ids of each kind a button can carry, one in Acme and one in Globex */
const ids: Record<string, { acme: string; globex: string }> = {};

const sql = <T>(q: string, p: unknown[] = []) => db.em.fork().execute<T[]>(q, p);

beforeAll(async () => {
  db = await freshDb();
  acme = await orgWith(db, { name: 'Acme', admins: 1, members: 2, seats: { pro: 2 } });
  globex = await orgWith(db, { name: 'Globex', admins: 1, members: 2, seats: { pro: 2 } });
  for (const [o, key] of [
    [acme, 'acme'],
    [globex, 'globex'],
  ] as const) {
    const request = await requestSeats(db.ctx, o.members[0]!.actor, {
      organizationId: o.org.id,
      plan: 'pro',
      quantity: 1,
    });
    const [offer] = await sql<{ id: string }>(
      `insert into idle_offer (id, seat_id, membership_id, offered_at, expires_at, status)
       select gen_random_uuid(), s.id, ?, now(), now() + interval '7 days', 'open' from seat s
       where s.contract_id = ? and s.membership_id = ? returning id`,
      [o.owner.membershipId, o.contract.id, o.owner.membershipId],
    );
    const invited = await inviteMembers(db.ctx, o.owner.actor, {
      organizationId: o.org.id,
      emails: [`someone-${key}@example.com`],
      role: 'member',
    });
    const set = (k: string, v: string) => {
      ids[k] = { ...(ids[k] ?? { acme: '', globex: '' }), [key]: v };
    };
    set('organizationId', o.org.id);
    set('requestId', request.request.id);
    set('offerId', offer!.id);
    set('invitationId', invited.invited[0]!.id);
    set('contractId', o.contract.id);
    set('member', o.members[1]!.email);
  }
  await linkDirectly(db, { platform: 'slack', workspaceId: 'T-ACME' }, acme.org.id);
  await linkDirectly(db, { platform: 'teams', workspaceId: 'tenant-acme' }, acme.org.id);
});
afterAll(async () => {
  await db?.close();
});

const WORKSPACES: Record<Platform, { linked: string; unlinked: string }> = {
  slack: { linked: 'T-ACME', unlinked: 'T-NOWHERE' },
  teams: { linked: 'tenant-acme', unlinked: 'tenant-nowhere' },
};

/** The context an adapter builds for an Acme admin in a workspace of that platform. */
const chat = (platform: Platform, linked: boolean, email = acme.admins[0]!.email): CommandContext => ({
  service: db.ctx,
  actor: { email },
  workspace: { platform, workspaceId: WORKSPACES[platform][linked ? 'linked' : 'unlinked'] },
  organizationId: linked ? acme.org.id : null,
});

describe('the one guard: what a button, form or card may touch', () => {
  // `noop` runs nothing: whether the guard let the payload through is all the answer tells
  const press = (c: CommandContext, payload: Record<string, string>) => runAction(c, 'noop', { payload });

  for (const platform of ['slack', 'teams'] as const) {
    describe(`${platform}`, () => {
      const KINDS = ['organizationId', 'requestId', 'invitationId', 'offerId', 'contractId', 'member'];
      for (const kind of KINDS) {
        it(`${kind}: the workspace's own passes; another organization's, an unknown and a malformed one are not found`, async () => {
          const c = chat(platform, true);
          expect((await press(c, { [kind]: ids[kind]!.acme })).tone).toBe('info');
          for (const bad of [
            ids[kind]!.globex,
            kind === 'member' ? 'nobody@example.com' : '00000000-0000-4000-8000-000000000000',
            "x' or '1'='1",
          ]) {
            const r = await press(c, { [kind]: bad });
            expect(r, `${kind}=${bad}`).toMatchObject({ tone: 'error', code: 'not_found' });
          }
        });
      }

      it('one foreign id among own ones is enough to refuse', async () => {
        const r = await press(chat(platform, true), {
          organizationId: ids.organizationId!.acme,
          requestId: ids.requestId!.globex,
        });
        expect(r.code).toBe('not_found');
      });

      it("an invitation addressed to the person passes from anywhere, even another organization's or an unlinked workspace", async () => {
        for (const linked of [true, false]) {
          const r = await press(chat(platform, linked, 'someone-globex@example.com'), {
            invitationId: ids.invitationId!.globex,
          });
          expect(r.tone, `linked=${linked}`).toBe('info');
        }
      });

      it('an unlinked workspace runs only the person’s own answers, and nothing of any organization', async () => {
        const c = chat(platform, false);
        const before = await db.counts();
        for (const kind of KINDS) {
          expect((await press(c, { [kind]: ids[kind]!.acme })).code, kind).toBe('not_found');
        }
        const approve = await runAction(c, 'purchase.approve', {
          payload: { requestId: ids.requestId!.acme },
        });
        expect(approve.code).toBe('workspace_not_linked');
        for (const text of [
          'status',
          'members',
          'audit',
          'requests',
          'autoassign on',
          'add 3 pro',
          'org link',
        ]) {
          const r = await runCommand(c, text);
          expect(r.code, text).toBe('workspace_not_linked');
          expect(r.text).toMatch(/is not linked to an organization\..*`org link`/);
        }
        for (const text of ['help', 'plans']) expect((await runCommand(c, text)).tone, text).toBe('info');
        expect(await db.counts()).toEqual(before);
      });
    });
  }
});

describe('verified identities', () => {
  const user = { platform: 'slack' as const, workspaceId: 'T-ACME', userId: 'U-FIRST' };

  it('an unconfirmed or hidden email is refused with the next step, and nothing is written', async () => {
    const e = await refusedUnchanged(db, 'email_unverified', () =>
      identifyChatUser(db.ctx, user, async () => ({ email: acme.owner.email, confirmed: false })),
    );
    expect(e.line).toMatch(/not confirmed.*Confirm your email in Slack, then try again\./);
    const hidden = await refusedUnchanged(db, 'email_unverified', () =>
      identifyChatUser(db.ctx, user, async () => ({ email: null, confirmed: false })),
    );
    expect(hidden.line).toMatch(/can't see your email address in Slack/);
  });

  it('a confirmed email binds the identity once; a later profile email never moves it', async () => {
    let asked = 0;
    const first = await identifyChatUser(db.ctx, user, async () => {
      asked++;
      return { email: acme.members[0]!.email, confirmed: true };
    });
    expect(first).toMatchObject({ actor: { email: acme.members[0]!.email }, organizationId: acme.org.id });
    const again = await identifyChatUser(db.ctx, user, async () => {
      asked++;
      return { email: acme.owner.email, confirmed: true };
    });
    expect(again.actor.email).toBe(acme.members[0]!.email);
    expect(asked).toBe(1);
    expect(await auditRows(db, { action: 'identity.verified', actorId: acme.members[0]!.id })).toHaveLength(
      1,
    );
  });

  it('a burst of first requests by one person asks the platform once and verifies once', async () => {
    const burst = { ...user, userId: 'U-BURST' };
    let asked = 0;
    const profile = async () => {
      asked++;
      await new Promise((r) => setTimeout(r, 20));
      return { email: acme.members[1]!.email, confirmed: true };
    };
    const all = await Promise.all(Array.from({ length: 16 }, () => identifyChatUser(db.ctx, burst, profile)));
    expect(new Set(all.map((a) => a.accountId))).toEqual(new Set([acme.members[1]!.id]));
    expect(asked).toBe(1);
    expect((await auditRows(db, { action: 'identity.verified', actorId: acme.members[1]!.id })).length).toBe(
      1,
    );
    // a call after the burst is answered from the identity, asking nothing
    await identifyChatUser(db.ctx, burst, profile);
    expect(asked).toBe(1);
  });

  it('the same user id in another workspace is another identity, linked to nothing', async () => {
    const other = await identifyChatUser(db.ctx, { ...user, workspaceId: 'T-ELSEWHERE' }, async () => ({
      email: acme.owner.email,
      confirmed: true,
    }));
    expect(other).toMatchObject({ actor: { email: acme.owner.email }, organizationId: null });
  });
});

describe('linking workspaces with one-time codes', () => {
  const there = { platform: 'slack' as const, workspaceId: 'T-SECOND' };

  it('an admin gets a code; an admin of the same organization uses it in the other workspace; the owner is told', async () => {
    const { code, expiresAt } = await issueLinkCode(db.ctx, acme.admins[0]!.actor, {
      organizationId: acme.org.id,
    });
    expect(code).toMatch(/^lk_[a-z2-7]{32}$/);
    expect(expiresAt.getTime() - db.clock.now().getTime()).toBe(DAY_MS);
    const [stored] = await sql<{ code_hash: string }>(
      'select code_hash from link_code where organization_id = ?',
      [acme.org.id],
    );
    expect(stored!.code_hash).not.toContain(code.slice(3));
    const r = await linkWorkspace(db.ctx, acme.admins[0]!.actor, { code, ...there });
    expect(r.organizationId).toBe(acme.org.id);
    const owner = await outboxTo(db, acme.owner.id, 'workspace_linked');
    expect(owner).toHaveLength(1);
    expect(
      await auditRows(db, { action: 'organization.workspace_linked', organizationId: acme.org.id }),
    ).toHaveLength(1);
    // used once: a second use, anywhere, is refused and changes nothing
    const e = await refusedUnchanged(db, 'link_code_invalid', () =>
      linkWorkspace(db.ctx, acme.admins[0]!.actor, { code, platform: 'teams', workspaceId: 'tenant-third' }),
    );
    expect(e.message).toMatch(/used already/);
  });

  it('a code expires after 24 hours', async () => {
    const { code } = await issueLinkCode(db.ctx, acme.owner.actor, { organizationId: acme.org.id });
    db.clock.advance(DAY_MS);
    const e = await refusedUnchanged(db, 'link_code_invalid', () =>
      linkWorkspace(db.ctx, acme.owner.actor, { code, platform: 'slack', workspaceId: 'T-LATE' }),
    );
    expect(e.message).toMatch(/expired/);
  });

  it('a member cannot issue or use a code; another organization’s admin learns nothing from one', async () => {
    await refusedUnchanged(db, 'forbidden', () =>
      issueLinkCode(db.ctx, acme.members[0]!.actor, { organizationId: acme.org.id }),
    );
    const { code } = await issueLinkCode(db.ctx, acme.owner.actor, { organizationId: acme.org.id });
    await refusedUnchanged(db, 'forbidden', () =>
      linkWorkspace(db.ctx, acme.members[0]!.actor, { code, platform: 'slack', workspaceId: 'T-M' }),
    );
    const e = await refusedUnchanged(db, 'link_code_invalid', () =>
      linkWorkspace(db.ctx, globex.owner.actor, { code, platform: 'slack', workspaceId: 'T-G' }),
    );
    expect(e.message).toBe('That link code is not valid.');
    await refusedUnchanged(db, 'link_code_invalid', () =>
      linkWorkspace(db.ctx, acme.owner.actor, { code: 'lk_notacode', platform: 'slack', workspaceId: 'T-G' }),
    );
  });

  it('a new code replaces the open one', async () => {
    const first = await issueLinkCode(db.ctx, acme.owner.actor, { organizationId: acme.org.id });
    await issueLinkCode(db.ctx, acme.owner.actor, { organizationId: acme.org.id });
    await refusal(
      'link_code_invalid',
      linkWorkspace(db.ctx, acme.owner.actor, { code: first.code, platform: 'slack', workspaceId: 'T-R' }),
    );
  });

  it('a workspace linked to one organization cannot be linked to another', async () => {
    const { code } = await issueLinkCode(db.ctx, globex.owner.actor, { organizationId: globex.org.id });
    const e = await refusedUnchanged(db, 'conflict', () =>
      linkWorkspace(db.ctx, globex.owner.actor, { code, ...there }),
    );
    expect(e.message).toMatch(/linked to another organization/);
  });

  it('only the owner unlinks; the last link of a running organization stays', async () => {
    await refusedUnchanged(db, 'forbidden', () =>
      unlinkWorkspace(db.ctx, acme.admins[0]!.actor, { organizationId: acme.org.id, ...there }),
    );
    await unlinkWorkspace(db.ctx, acme.owner.actor, { organizationId: acme.org.id, ...there });
    expect(await outboxTo(db, acme.owner.id, 'workspace_unlinked')).toHaveLength(1);
    await unlinkWorkspace(db.ctx, acme.owner.actor, {
      organizationId: acme.org.id,
      platform: 'teams',
      workspaceId: 'tenant-acme',
    });
    const e = await refusedUnchanged(db, 'conflict', () =>
      unlinkWorkspace(db.ctx, acme.owner.actor, {
        organizationId: acme.org.id,
        platform: 'slack',
        workspaceId: 'T-ACME',
      }),
    );
    expect(e.line).toMatch(/last workspace linked to Acme.*`org link`/);
  });

  it('org create in a linked workspace is refused; in a new one it links it', async () => {
    const c = chat('slack', true, globex.owner.email);
    c.organizationId = acme.org.id;
    const before = await db.counts();
    const r = await runCommand(c, 'org create Umbrella');
    expect(r.code).toBe('conflict');
    expect(await db.counts()).toEqual(before);
    const fresh: CommandContext = {
      service: db.ctx,
      actor: globex.owner.actor,
      workspace: { platform: 'teams', workspaceId: 'tenant-umbrella' },
      organizationId: null,
    };
    expect((await runCommand(fresh, 'org create Umbrella')).tone).toBe('ok');
    const [link] = await sql<{ name: string }>(
      `select o.name from workspace_link l join organization o on o.id = l.organization_id
       where l.platform = 'teams' and l.workspace_id = 'tenant-umbrella'`,
    );
    expect(link!.name).toBe('Umbrella');
  });

  it('a code typed in the shell (no workspace) is refused with where to type it', async () => {
    const { code } = await issueLinkCode(db.ctx, acme.owner.actor, { organizationId: acme.org.id });
    const r = await runCommand({ service: db.ctx, actor: acme.owner.actor }, `org link ${code}`);
    expect(r).toMatchObject({ tone: 'error', code: 'invalid_input' });
    const member = await addMember(db, acme.org.id);
    const shown = await runCommand({ service: db.ctx, actor: member.actor }, 'org link');
    expect(shown.code).toBe('forbidden');
  });
});
