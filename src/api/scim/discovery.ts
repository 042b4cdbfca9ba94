import type { RequestHandler } from 'express';
import { ScimRequestError, sendScim } from './errors.ts';
import { USER_SCHEMA } from './user-resource.ts';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const MAX_RESULTS = 200;

/** What this service provider supports (RFC 7643 §5): Users with filter and PATCH; no Groups. */
export const serviceProviderConfig =
  (base: string): RequestHandler =>
  (_req, res) =>
    sendScim(res, 200, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: MAX_RESULTS },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'Bearer token',
          description:
            'The token an owner or admin gets with `scim token` in chat. Users only: Groups are not supported.',
          primary: true,
        },
      ],
      meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
    });

const userType = (base: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'Members of the organization. The only resource type: Groups are not supported.',
  schema: USER_SCHEMA,
  schemaExtensions: [],
  meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
});

const list = (resources: object[]) => ({
  schemas: [LIST],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

export const resourceTypes =
  (base: string): RequestHandler =>
  (req, res) => {
    const id = req.params.id;
    if (id === undefined) return sendScim(res, 200, list([userType(base)]));
    if (id !== 'User')
      throw new ScimRequestError(404, undefined, `There is no resource type "${id}": only User.`);
    sendScim(res, 200, userType(base));
  };

const attr = (
  name: string,
  description: string,
  o: {
    type?: string;
    required?: boolean;
    mutability?: string;
    uniqueness?: string;
    multiValued?: boolean;
  } = {},
) => ({
  name,
  type: o.type ?? 'string',
  multiValued: o.multiValued ?? false,
  description,
  required: o.required ?? false,
  caseExact: false,
  mutability: o.mutability ?? 'readWrite',
  returned: 'default',
  uniqueness: o.uniqueness ?? 'none',
});

const userSchema = (base: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
  id: USER_SCHEMA,
  name: 'User',
  description: 'A member of the organization; the email is the account.',
  attributes: [
    attr('userName', "The user's email address; it is their account and cannot change.", {
      required: true,
      mutability: 'immutable',
      uniqueness: 'server',
    }),
    {
      ...attr('name', "The user's name.", { type: 'complex' }),
      subAttributes: [attr('givenName', 'Given name.'), attr('familyName', 'Family name.')],
    },
    attr('displayName', 'The name shown for the user.'),
    attr('active', 'false offboards the member (organization offboarding defaults); true brings them back.', {
      type: 'boolean',
    }),
    {
      ...attr('emails', 'The userName, as the one work email.', {
        type: 'complex',
        multiValued: true,
        mutability: 'readOnly',
      }),
      subAttributes: [attr('value', 'The email address.', { mutability: 'readOnly' })],
    },
  ],
  meta: { resourceType: 'Schema', location: `${base}/Schemas/${USER_SCHEMA}` },
});

export const schemas =
  (base: string): RequestHandler =>
  (req, res) => {
    const id = req.params.id;
    if (id === undefined) return sendScim(res, 200, list([userSchema(base)]));
    if (id !== USER_SCHEMA)
      throw new ScimRequestError(404, undefined, `There is no schema "${id}": only ${USER_SCHEMA}.`);
    sendScim(res, 200, userSchema(base));
  };
