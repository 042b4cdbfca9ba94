import { z } from 'zod';
import { isTimingCoherent, MAX_ESCALATE_HOURS } from '../domain/approval-timing.ts';
import { DomainError } from '../domain/errors.ts';
import { LOCALES } from '../i18n/locale.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z
  .object({
    organizationId: uuidField,
    autoAssign: z.boolean().optional(),
    /** minor units; null turns the policy off */
    autoApproveBelow: z.number().int().min(1).max(100_000_000).nullable().optional(),
    idleReclaim: z.boolean().optional(),
    /** the language of notices to people whose own is unknown */
    language: z.enum(LOCALES).optional(),
    /** when an unanswered purchase reminds the approvers, then goes to the owner; null: the defaults */
    approvalTiming: z
      .object({ remindAfterHours: z.number().int(), escalateAfterHours: z.number().int() })
      .nullable()
      .optional(),
  })
  .refine(
    (c) =>
      c.autoAssign !== undefined ||
      c.autoApproveBelow !== undefined ||
      c.idleReclaim !== undefined ||
      c.language !== undefined ||
      c.approvalTiming !== undefined,
    {
      message: 'nothing to change',
    },
  );

/**
 * Organization policies: auto-assign (admins), idle-seat reclaim (admins), when an unanswered
 * purchase reminds and escalates (admins), and the amount under which seat purchases are
 * approved without asking (owner: it spends money).
 */
export const updateOrganizationSettings = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(
      em,
      cmd.organizationId,
      actor,
      cmd.autoApproveBelow !== undefined ? 'billing' : 'manage_settings',
    );
    if (cmd.approvalTiming && !isTimingCoherent(cmd.approvalTiming)) {
      throw new DomainError(
        'invalid_input',
        {
          key: 'approvals.timing.incoherent',
          args: {
            remind: cmd.approvalTiming.remindAfterHours,
            escalate: cmd.approvalTiming.escalateAfterHours,
            max: MAX_ESCALATE_HOURS,
          },
        },
        { key: 'approvals.timing.incoherent_next', args: { max: MAX_ESCALATE_HOURS } },
      );
    }
    const keys = [
      'autoAssign',
      'autoApproveBelow',
      'idleReclaim',
      'language',
      'approvalRemindHours',
      'approvalEscalateHours',
    ] as const;
    const before = snapshot(org, keys);
    if (cmd.autoAssign !== undefined) org.autoAssign = cmd.autoAssign;
    if (cmd.autoApproveBelow !== undefined) org.autoApproveBelow = cmd.autoApproveBelow;
    if (cmd.idleReclaim !== undefined) org.idleReclaim = cmd.idleReclaim;
    if (cmd.language !== undefined) org.language = cmd.language;
    if (cmd.approvalTiming !== undefined) {
      org.approvalRemindHours = cmd.approvalTiming?.remindAfterHours ?? null;
      org.approvalEscalateHours = cmd.approvalTiming?.escalateAfterHours ?? null;
    }
    const after = snapshot(org, keys);
    if (JSON.stringify(before) === JSON.stringify(after)) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.settings.same' },
        { key: 'errors_service.common.nothing_to_do' },
      );
    }
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.settings',
      subject: { type: 'organization', id: org.id },
      before,
      after,
    });
    return { organization: org };
  });
};
