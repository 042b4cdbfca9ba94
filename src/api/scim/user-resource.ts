import { z } from 'zod';
import type { ScimUserRecord } from '../../service/list-scim-users.ts';
import { badRequest } from './errors.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** The SCIM User resource of a member: userName and the one email are the account's email. */
export const toScimUser = (u: ScimUserRecord, base: string) => {
  const name: Record<string, string> = {};
  if (u.givenName) name.givenName = u.givenName;
  if (u.familyName) name.familyName = u.familyName;
  const formatted = [u.givenName, u.familyName].filter(Boolean).join(' ');
  if (formatted) name.formatted = formatted;
  return {
    schemas: [USER_SCHEMA],
    id: u.id,
    ...(u.externalId ? { externalId: u.externalId } : {}),
    userName: u.email,
    ...(Object.keys(name).length ? { name } : {}),
    ...(u.displayName ? { displayName: u.displayName } : {}),
    emails: [{ value: u.email, type: 'work', primary: true }],
    active: u.active,
    meta: {
      resourceType: 'User',
      created: u.created.toISOString(),
      lastModified: u.lastModified.toISOString(),
      location: `${base}/Users/${u.id}`,
    },
  };
};

// Entra ID sends booleans as the strings "True" and "False".
const booleanish = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((v) => v.toLowerCase() === 'true'),
]);
const optionalText = z.string().nullish();

/** The attributes we keep of a User body; others (phone numbers, enterprise extension…) are ignored. */
const userBody = z.looseObject({
  schemas: z.array(z.string()).optional(),
  userName: z.string().trim().min(1),
  externalId: optionalText,
  displayName: optionalText,
  name: z.looseObject({ givenName: optionalText, familyName: optionalText }).nullish(),
  active: booleanish.optional(),
});

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || 'body';

/** A User body (POST, PUT, or a PATCHed resource) as the core's attributes, or a SCIM 400. */
export const userAttributes = (body: unknown) => {
  const r = userBody.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = fieldOf(issue.path);
    const detail =
      field === 'userName'
        ? "userName is required: the user's email address."
        : field === 'active'
          ? 'active must be true or false.'
          : field === 'body'
            ? 'The body must be a SCIM User object.'
            : `${field} must be a string.`;
    throw badRequest('invalidValue', detail);
  }
  const u = r.data;
  if (u.schemas && !u.schemas.includes(USER_SCHEMA)) {
    throw badRequest('invalidSyntax', `schemas must include ${USER_SCHEMA}.`);
  }
  if (!z.email().safeParse(u.userName.toLowerCase()).success) {
    throw badRequest(
      'invalidValue',
      `userName "${u.userName.slice(0, 100)}" is not an email address: map the user's email to userName.`,
    );
  }
  return {
    userName: u.userName,
    externalId: u.externalId ?? null,
    givenName: u.name?.givenName ?? null,
    familyName: u.name?.familyName ?? null,
    displayName: u.displayName ?? null,
    active: u.active,
  };
};
