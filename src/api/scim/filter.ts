import { type Compare, type Filter, parse } from 'scim2-parse-filter';
import type { ScimCriterion } from '../../service/list-scim-users.ts';
import { badRequest } from './errors.ts';

const SUPPORTED =
  'Supported: eq on userName, emails.value, externalId, id or active, joined with and (e.g. userName eq "ana@example.com").';

const ATTRIBUTES: Record<string, ScimCriterion['attribute']> = {
  username: 'userName',
  'emails.value': 'userName',
  emails: 'userName',
  externalid: 'externalId',
  id: 'id',
  active: 'active',
};

const criteria = (f: Filter): ScimCriterion[] => {
  if (f.op === 'and') return f.filters.flatMap(criteria);
  if (f.op !== 'eq')
    throw badRequest('invalidFilter', `The filter operator "${f.op}" is not supported. ${SUPPORTED}`);
  const { attrPath, compValue } = f as Compare;
  // a schema-qualified name (urn:…:User:userName) means the same attribute
  const bare = attrPath.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').toLowerCase();
  const attribute = ATTRIBUTES[bare];
  if (!attribute)
    throw badRequest('invalidFilter', `Filtering on "${attrPath}" is not supported. ${SUPPORTED}`);
  if (attribute === 'active') {
    if (typeof compValue !== 'boolean')
      throw badRequest('invalidFilter', 'active compares with true or false.');
    return [{ attribute, value: compValue }];
  }
  if (typeof compValue !== 'string') {
    throw badRequest('invalidFilter', `${attrPath} compares with a quoted string.`);
  }
  return [{ attribute, value: compValue }];
};

/** The `filter` query parameter, parsed by scim2-parse-filter, as equalities the repository runs. */
export const filterCriteria = (filter: string | undefined): ScimCriterion[] => {
  if (filter === undefined || filter.trim() === '') return [];
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch {
    throw badRequest('invalidFilter', `The filter "${filter.slice(0, 200)}" could not be read. ${SUPPORTED}`);
  }
  return criteria(ast);
};
