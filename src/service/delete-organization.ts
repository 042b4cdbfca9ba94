import { z } from 'zod';
import { lockOrganizationRow } from '../../db/repositories/organizations.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { closeOrganization } from './support/close-organization.ts';
import { parse, textField, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  /** the organization's name typed back, so a slip of the finger deletes nothing */
  confirmName: textField.trim().min(1, 'type the organization name to confirm'),
});

/** The owner deletes the organization: every member goes back to their personal plan. */
export const deleteOrganization = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    await lockOrganizationRow(em, cmd.organizationId);
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'delete_org');
    // exactly, case included: "Type Acme exactly" must mean what it says
    if (cmd.confirmName !== org.name) {
      throw new DomainError(
        'invalid_input',
        { key: 'errors_service.org.delete_wrong_name', args: { typed: cmd.confirmName } },
        { key: 'errors_service.org.delete_wrong_name_next', args: { org: org.name } },
      );
    }
    const { members } = await closeOrganization(em, org, now, { status: 'deleted', actorId: me.id });
    return { organization: org, members };
  });
};
