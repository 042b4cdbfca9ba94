import { z } from 'zod';
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
  })
  .refine(
    (c) =>
      c.autoAssign !== undefined ||
      c.autoApproveBelow !== undefined ||
      c.idleReclaim !== undefined ||
      c.language !== undefined,
    {
      message: 'nothing to change',
    },
  );

/**
 * Organization policies: auto-assign (admins), idle-seat reclaim (admins), and the amount under
 * which seat purchases are approved without asking (owner: it spends money).
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
    const keys = ['autoAssign', 'autoApproveBelow', 'idleReclaim', 'language'] as const;
    const before = snapshot(org, keys);
    if (cmd.autoAssign !== undefined) org.autoAssign = cmd.autoAssign;
    if (cmd.autoApproveBelow !== undefined) org.autoApproveBelow = cmd.autoApproveBelow;
    if (cmd.idleReclaim !== undefined) org.idleReclaim = cmd.idleReclaim;
    if (cmd.language !== undefined) org.language = cmd.language;
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
