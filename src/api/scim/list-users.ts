import type { RequestHandler } from 'express';
import type { ServiceContext } from '../../service/context.ts';
import { listScimUsers } from '../../service/list-scim-users.ts';
import { idpOf } from './auth.ts';
import { MAX_RESULTS } from './discovery.ts';
import { badRequest, sendScim } from './errors.ts';
import { filterCriteria } from './filter.ts';
import { toScimUser } from './user-resource.ts';

/** A paging number: absent → fallback; RFC 7644 §3.4.2.4 clamps out-of-range values. */
const whole = (v: unknown, name: string, fallback: number): number => {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^-?\d{1,9}$/.test(v.trim())) {
    throw badRequest('invalidValue', `${name} must be a whole number, given once.`);
  }
  return Number(v);
};

/** GET /Users?filter=&startIndex=&count= */
export const listUsers =
  (ctx: ServiceContext, base: string): RequestHandler =>
  async (req, res) => {
    const filter = req.query.filter;
    if (filter !== undefined && typeof filter !== 'string') {
      throw badRequest('invalidFilter', 'Give filter once.');
    }
    const startIndex = Math.max(1, whole(req.query.startIndex, 'startIndex', 1));
    const count = Math.min(MAX_RESULTS, Math.max(0, whole(req.query.count, 'count', 100)));
    const page = await listScimUsers(ctx, idpOf(res), { where: filterCriteria(filter), startIndex, count });
    sendScim(res, 200, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: page.total,
      startIndex,
      itemsPerPage: page.users.length,
      Resources: page.users.map((u) => toScimUser(u, base)),
    });
  };
