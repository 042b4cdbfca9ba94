import { z } from 'zod';
import { emailField } from './input.ts';

const text = z.string().trim().max(200).nullable().default(null);

/** What the identity provider may set on a user: the email (userName) is the account. */
export const scimAttributes = z.object({
  userName: emailField,
  externalId: text,
  givenName: text,
  familyName: text,
  displayName: text,
  /** absent: as it is (a new user: active) */
  active: z.boolean().optional(),
});
