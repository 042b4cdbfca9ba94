import { EntitySchema } from '@mikro-orm/core';
import { bool, text, textNull, ts, tsNull, uuid, uuidNull } from './columns.ts';

// Provisioning by an identity provider (SCIM): its token, the users it manages, and what its
// offboarding does to a seat.

/** One token per organization; only its hash is kept. */
export interface ScimTokenRow {
  organizationId: string;
  tokenHash: string;
  issuedBy: string | null;
  issuedAt: Date;
}

export const ScimTokenSchema = new EntitySchema<ScimTokenRow>({
  name: 'ScimToken',
  tableName: 'scim_token',
  properties: {
    organizationId: { ...uuid, primary: true },
    tokenHash: text,
    issuedBy: uuidNull,
    issuedAt: ts,
  },
});

/** The identity provider's view of a membership. */
export interface ScimUserRow {
  membershipId: string;
  organizationId: string;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  deletedAt: Date | null;
  updatedAt: Date;
}

export const ScimUserSchema = new EntitySchema<ScimUserRow>({
  name: 'ScimUser',
  tableName: 'scim_user',
  properties: {
    membershipId: { ...uuid, primary: true },
    organizationId: uuid,
    externalId: textNull,
    givenName: textNull,
    familyName: textNull,
    displayName: textNull,
    deletedAt: tsNull,
    updatedAt: ts,
  },
});

/** An organization's offboarding choices; no row means the defaults. */
export interface OffboardingDefaultsRow {
  organizationId: string;
  freeSeat: boolean;
  stopAutoRenew: boolean;
  markFormer: boolean;
}

export const OffboardingDefaultsSchema = new EntitySchema<OffboardingDefaultsRow>({
  name: 'OffboardingDefaults',
  tableName: 'offboarding_defaults',
  properties: {
    organizationId: { ...uuid, primary: true },
    freeSeat: bool,
    stopAutoRenew: bool,
    markFormer: bool,
  },
});

export const scimEntities = [ScimTokenSchema, ScimUserSchema, OffboardingDefaultsSchema];
