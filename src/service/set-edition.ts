import { z } from 'zod';
import { EDITIONS, type Edition } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { lockOrganizationFor } from './support/contracts.ts';
import { parse, textField, uuidField } from './support/input.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  edition: textField.trim().toLowerCase(),
});

const isEdition = (s: string): s is Edition => (EDITIONS as readonly string[]).includes(s);

/** `edition <name>`: the owner changes the organization's edition (account page). */
export const setEdition = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<Organization> => {
  const cmd = parse(input, raw);
  const edition = cmd.edition;
  if (!isEdition(edition)) {
    throw new DomainError(
      'invalid_input',
      { key: 'errors_service.edition.unknown', args: { edition: edition.slice(0, 60) } },
      { key: 'errors_service.edition.list', args: { editions: EDITIONS.join(', ') } },
      { field: 'edition' },
    );
  }
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', now);
    if (org.edition === edition) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.edition.already', args: { org: org.name, edition } },
        { key: 'errors_service.edition.list', args: { editions: EDITIONS.join(', ') } },
      );
    }
    const before = { edition: org.edition };
    org.edition = edition;
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.edition_changed',
      subject: { type: 'organization', id: org.id },
      before,
      after: { edition },
    });
    return org;
  });
};
