import { z } from 'zod';
import { isModule, MODULES } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { lockOrganizationFor } from './support/contracts.ts';
import { parse, textField, uuidField } from './support/input.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  module: textField.trim().toLowerCase(),
  enabled: z.boolean('must be true or false'),
});

const moduleList = () => `Modules: ${Object.keys(MODULES).join(', ')}.`;

/** `module add|remove <name>`: the owner turns an add-on module on or off (account page). */
export const setModule = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<Organization> => {
  const cmd = parse(input, raw);
  const code = cmd.module;
  if (!isModule(code)) {
    throw new DomainError(
      'invalid_input',
      `There is no module called "${code.slice(0, 60)}".`,
      moduleList(),
      { field: 'module' },
    );
  }
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', now);
    const has = org.modules.includes(code);
    if (cmd.enabled && has) {
      throw new DomainError(
        'conflict',
        `${MODULES[code].name} is already on for ${org.name}.`,
        `Remove it with \`module remove ${code}\`.`,
      );
    }
    if (!cmd.enabled && !has) {
      throw new DomainError(
        'conflict',
        `${MODULES[code].name} is not on for ${org.name}, so there is nothing to remove.`,
        `Add it with \`module add ${code}\`.`,
      );
    }
    const before = { modules: [...org.modules] };
    org.modules = cmd.enabled ? [...org.modules, code] : org.modules.filter((m) => m !== code);
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: cmd.enabled ? 'organization.module_added' : 'organization.module_removed',
      subject: { type: 'organization', id: org.id },
      before,
      after: { modules: [...org.modules] },
    });
    return org;
  });
};
