import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { JsonValue } from '../../src/domain/model.ts';
import type { Platform } from '../../src/domain/workspace.ts';
import { bool, json, jsonNull, text, textNull, ts, uuid, uuidNull } from './columns.ts';

// What the chat adapters keep: who a chat user is, Slack installations and message replies,
// Teams users and cards.

/** A chat user verified as an account, per platform and workspace. */
export interface ChatIdentityRow {
  platform: Platform;
  workspaceId: string;
  userId: string;
  accountId: string;
  verifiedAt: Date;
}

export const ChatIdentitySchema = new EntitySchema<ChatIdentityRow>({
  name: 'ChatIdentity',
  tableName: 'chat_identity',
  properties: {
    platform: { ...text, primary: true },
    workspaceId: { ...text, primary: true },
    userId: { ...text, primary: true },
    accountId: uuid,
    verifiedAt: ts,
  },
});

/** A Slack app installation; its tokens are sealed (encrypted) in one text column. */
export interface SlackInstallationRow {
  installKey: string;
  teamId: string | null;
  enterpriseId: string | null;
  sealed: string;
  createdAt: Date;
  updatedAt: Date;
}

export const SlackInstallationSchema = new EntitySchema<SlackInstallationRow>({
  name: 'SlackInstallation',
  tableName: 'slack_installation',
  properties: {
    installKey: { ...text, primary: true },
    teamId: textNull,
    enterpriseId: textNull,
    sealed: text,
    createdAt: ts,
    updatedAt: ts,
  },
});

/** A Slack message the bot posted, kept so a button press can update it. */
export interface SlackMessageRow {
  id: number;
  subject: string;
  teamId: string;
  channel: string;
  ts: string;
  userId: string;
  reply: JsonValue;
  decision: string | null;
  result: string | null;
  createdAt: Date;
}

export const SlackMessageSchema = new EntitySchema<SlackMessageRow>({
  name: 'SlackMessage',
  tableName: 'slack_message',
  properties: {
    // bigserial
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    subject: text,
    teamId: text,
    channel: text,
    ts: text,
    userId: text,
    reply: json,
    decision: textNull,
    result: textNull,
    createdAt: ts,
  },
});

/** A Slack user's email as last fetched from Slack. */
export interface SlackUserRow {
  teamId: string;
  userId: string;
  email: string | null;
  fetchedAt: Date;
}

export const SlackUserSchema = new EntitySchema<SlackUserRow>({
  name: 'SlackUser',
  tableName: 'slack_user',
  properties: {
    teamId: { ...text, primary: true },
    userId: { ...text, primary: true },
    email: textNull,
    fetchedAt: ts,
  },
});

/** A Teams user and the conversation reference to message them proactively. */
export interface TeamsUserRow {
  aadObjectId: string;
  tenantId: string;
  accountId: string | null;
  email: string | null;
  userId: string;
  conversationReference: JsonValue | null;
  updatedAt: Date;
}

export const TeamsUserSchema = new EntitySchema<TeamsUserRow>({
  name: 'TeamsUser',
  tableName: 'teams_user',
  properties: {
    aadObjectId: { ...text, primary: true },
    tenantId: text,
    accountId: uuidNull,
    email: textNull,
    userId: text,
    conversationReference: jsonNull,
    updatedAt: ts,
  },
});

/** An adaptive card sent to a Teams user, kept so an action can update it. */
export interface TeamsCardRow {
  cardKey: string;
  aadObjectId: string;
  activityId: string;
  reply: JsonValue;
  decided: boolean;
  updatedAt: Date;
}

export const TeamsCardSchema = new EntitySchema<TeamsCardRow>({
  name: 'TeamsCard',
  tableName: 'teams_card',
  properties: {
    cardKey: { ...text, primary: true },
    aadObjectId: { ...text, primary: true },
    activityId: text,
    reply: json,
    decided: bool,
    updatedAt: ts,
  },
});

export const chatEntities = [
  ChatIdentitySchema,
  SlackInstallationSchema,
  SlackMessageSchema,
  SlackUserSchema,
  TeamsUserSchema,
  TeamsCardSchema,
];
