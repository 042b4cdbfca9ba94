import { z } from 'zod';
import { auditEventsOf } from '../../db/repositories/audit-log.ts';
import { AUDIT_LIMIT } from '../domain/limits.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { accountsById, authorize, findAccount } from './support/lookups.ts';
import { reading } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  /** only changes made by, or to, this person */
  who: emailField.nullish(),
  limit: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(AUDIT_LIMIT.max, `must be at most ${AUDIT_LIMIT.max}`)
    .default(AUDIT_LIMIT.default),
  offset: z.number().int().min(0).default(0),
});

/** `audit [<who>] [<limit>]`: the latest changes, newest first (admins), with how many there are. */
export const listAudit = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, 'view_org');
    const who = cmd.who ? await findAccount(em, cmd.who) : null;
    if (cmd.who && !who) return { events: [], total: 0 };
    const [events, total] = await auditEventsOf(em, org.id, who, { limit: cmd.limit, offset: cmd.offset });
    const actors = await accountsById(
      em,
      events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
    );
    return {
      total,
      events: events.map((e) => ({
        at: e.at,
        actor: e.actorId ? (actors.get(e.actorId)?.email ?? 'unknown') : 'system',
        action: e.action,
        subject: { type: e.subjectType, id: e.subjectId },
        before: e.before,
        after: e.after,
      })),
    };
  });
};
