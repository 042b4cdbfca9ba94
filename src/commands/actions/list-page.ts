import { z } from 'zod';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { AUDIT_LIMIT, audit } from '../handlers/audit.ts';
import { members } from '../handlers/members.ts';
import { requests } from '../handlers/requests.ts';
import { fail } from '../reply.ts';

const page = z.coerce.number().int().min(1).max(1_000_000);
const payload = z.discriminatedUnion('list', [
  z.object({ list: z.literal('members'), page, former: z.boolean().default(false) }),
  z.object({
    list: z.literal('audit'),
    page,
    limit: z.coerce.number().int().min(1).max(AUDIT_LIMIT.max).default(AUDIT_LIMIT.default),
    who: z.string().email().optional(),
  }),
  z.object({ list: z.literal('requests'), page }),
]);

/**
 * A Previous / Next button of a list: the same list at another page, run as the command would
 * be (so the presser's rights are checked again and nothing is taken from the button but ids).
 */
export const listPageAction: ActionHandler = async (c, input) => {
  const p = payload.safeParse(input.payload);
  if (!p.success)
    return fail(wordsOf(c).t('commands_core.dispatch.stale', { kind: 'button' }), 'invalid_input');
  const d = p.data;
  switch (d.list) {
    case 'members':
      return members(c, { name: 'members', former: d.former, page: d.page });
    case 'audit':
      return audit(c, {
        name: 'audit',
        who: d.who ? { email: d.who } : null,
        limit: d.limit,
        page: d.page,
      });
    case 'requests':
      return requests(c, { name: 'requests', page: d.page });
  }
};
