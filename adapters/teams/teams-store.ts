import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConversationReference } from 'botbuilder';
import type { Reply } from '../../src/commands/reply.ts';

/** A Teams user as the bot knows them: AAD id, tenant, cached email, where to write to them. */
export interface TeamsUser {
  aadObjectId: string;
  tenantId: string;
  accountId: string | null;
  email: string | null;
  userId: string;
  reference: Partial<ConversationReference> | null;
}

interface UserRow {
  aad_object_id: string;
  tenant_id: string;
  account_id: string | null;
  email: string | null;
  user_id: string;
  conversation_reference: Partial<ConversationReference> | string | null;
}

const toUser = (r: UserRow): TeamsUser => ({
  aadObjectId: r.aad_object_id,
  tenantId: r.tenant_id,
  accountId: r.account_id,
  email: r.email,
  userId: r.user_id,
  reference:
    typeof r.conversation_reference === 'string'
      ? JSON.parse(r.conversation_reference)
      : r.conversation_reference,
});

/** A posted card's reply; a form's button needs the command that opens its dialog. */
export type StoredReply = Reply & { dialogCommand?: string };

/** The adapter's own tables (teams_user, teams_card), in plain SQL. */
export class TeamsStore {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  private db() {
    return this.em.fork();
  }

  async user(aadObjectId: string): Promise<TeamsUser | null> {
    const rows = await this.db().execute<UserRow[]>('select * from teams_user where aad_object_id = ?', [
      aadObjectId,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /**
   * The user to write to about an outbox notice: one of the account's verified identities with a
   * personal chat, in a tenant linked to the notice's organization if they have one there (its
   * buttons work only there), else the newest. An email alone reaches nobody.
   */
  async userForNotice(accountId: string, outboxId: string): Promise<TeamsUser | null> {
    const rows = await this.db().execute<UserRow[]>(
      `select u.* from teams_user u
       join chat_identity i on i.platform = 'teams' and i.workspace_id = u.tenant_id
         and i.user_id = u.aad_object_id and i.account_id = ?
       where u.conversation_reference is not null
       order by exists (select 1 from outbox o join workspace_link l on l.organization_id = o.organization_id
                        where o.id::text = ? and l.platform = 'teams' and l.workspace_id = u.tenant_id) desc,
                u.updated_at desc
       limit 1`,
      [accountId, outboxId],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** The organization an outbox notice is about (null: none), for the language of its reader there. */
  async noticeOrganization(outboxId: string): Promise<string | null> {
    const rows = await this.db().execute<{ organization_id: string | null }[]>(
      'select organization_id from outbox where id = ?',
      [outboxId],
    );
    return rows[0]?.organization_id ?? null;
  }

  /** Records who wrote and, for a personal chat, the conversation to write back to. */
  async saveUser(u: {
    aadObjectId: string;
    tenantId: string;
    userId: string;
    email: string | null;
    reference: Partial<ConversationReference> | null;
  }) {
    await this.db().execute(
      `insert into teams_user (aad_object_id, tenant_id, account_id, email, user_id, conversation_reference, updated_at)
       values (?, ?, (select id from account where email = lower(?)), ?, ?, ?, ?)
       on conflict (aad_object_id) do update set
         tenant_id = excluded.tenant_id,
         email = coalesce(excluded.email, teams_user.email),
         account_id = coalesce(excluded.account_id, teams_user.account_id),
         user_id = excluded.user_id,
         conversation_reference = coalesce(excluded.conversation_reference, teams_user.conversation_reference),
         updated_at = excluded.updated_at`,
      [
        u.aadObjectId,
        u.tenantId,
        u.email ?? '',
        u.email?.toLowerCase() ?? null,
        u.userId,
        u.reference ? JSON.stringify(u.reference) : null,
        this.now(),
      ],
    );
  }

  async forgetConversation(aadObjectId: string) {
    await this.db().execute(
      'update teams_user set conversation_reference = null, updated_at = ? where aad_object_id = ?',
      [this.now(), aadObjectId],
    );
  }

  async saveCard(cardKey: string, aadObjectId: string, activityId: string, reply: StoredReply) {
    await this.db().execute(
      `insert into teams_card (card_key, aad_object_id, activity_id, reply, decided, updated_at)
       values (?, ?, ?, ?, false, ?)
       on conflict (card_key, aad_object_id) do update set activity_id = excluded.activity_id,
         reply = excluded.reply, decided = false, updated_at = excluded.updated_at`,
      [cardKey, aadObjectId, activityId, JSON.stringify(reply), this.now()],
    );
  }

  /** The activity of a user's copy of a card not decided yet (null: none open, or its id unknown). */
  async openCardActivityId(cardKey: string, aadObjectId: string): Promise<string | null> {
    const rows = await this.db().execute<{ activity_id: string }[]>(
      'select activity_id from teams_card where card_key = ? and aad_object_id = ? and not decided',
      [cardKey, aadObjectId],
    );
    return rows[0]?.activity_id || null;
  }

  /**
   * Gives a user's open copy of a card a newer version (the request it asks about shrank), closed
   * when nothing is left to decide; a copy decided meanwhile keeps its decision.
   */
  async replaceOpenCard(cardKey: string, aadObjectId: string, reply: StoredReply, decided: boolean) {
    await this.db().execute(
      `update teams_card set reply = ?, decided = ?, updated_at = ?
       where card_key = ? and aad_object_id = ? and not decided`,
      [JSON.stringify(reply), decided, this.now(), cardKey, aadObjectId],
    );
  }

  /** The activity a user's copy of a card was posted as (null: none stored, or its id unknown). */
  async cardActivityId(cardKey: string, aadObjectId: string): Promise<string | null> {
    const rows = await this.db().execute<{ activity_id: string }[]>(
      'select activity_id from teams_card where card_key = ? and aad_object_id = ?',
      [cardKey, aadObjectId],
    );
    return rows[0]?.activity_id || null;
  }

  async card(cardKey: string, aadObjectId: string) {
    const rows = await this.db().execute<{ reply: StoredReply | string; decided: boolean }[]>(
      'select reply, decided from teams_card where card_key = ? and aad_object_id = ?',
      [cardKey, aadObjectId],
    );
    const r = rows[0];
    return r
      ? {
          reply: typeof r.reply === 'string' ? (JSON.parse(r.reply) as StoredReply) : r.reply,
          decided: r.decided,
        }
      : null;
  }

  /**
   * Marks every copy of a card decided, once: the copies still open are claimed with one
   * conditional update (two approvers clicking together cannot both decide them), then get
   * their new look. Returns the copies claimed and where each lives.
   */
  async decideCards(cardKey: string, reply: (old: Reply) => Reply) {
    const rows = await this.db().execute<
      { aad_object_id: string; activity_id: string; reply: Reply | string; conversation_reference: unknown }[]
    >(
      `update teams_card c set decided = true, updated_at = ?
       from teams_user u
       where c.card_key = ? and not c.decided and u.aad_object_id = c.aad_object_id
       returning c.aad_object_id, c.activity_id, c.reply, u.conversation_reference`,
      [this.now(), cardKey],
    );
    const out: {
      aadObjectId: string;
      activityId: string;
      reply: Reply;
      reference: Partial<ConversationReference> | null;
    }[] = [];
    for (const r of rows) {
      const old = typeof r.reply === 'string' ? (JSON.parse(r.reply) as Reply) : r.reply;
      const next = reply(old);
      await this.db().execute('update teams_card set reply = ? where card_key = ? and aad_object_id = ?', [
        JSON.stringify(next),
        cardKey,
        r.aad_object_id,
      ]);
      const ref = r.conversation_reference;
      out.push({
        aadObjectId: r.aad_object_id,
        activityId: r.activity_id,
        reply: next,
        reference: ref
          ? ((typeof ref === 'string' ? JSON.parse(ref) : ref) as Partial<ConversationReference>)
          : null,
      });
    }
    return out;
  }
}
