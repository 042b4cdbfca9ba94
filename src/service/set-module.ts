import { z } from 'zod';
import { isModule, MODULES } from '../domain/catalog.ts';
import { DomainError, type Said } from '../domain/errors.ts';
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

const moduleList = (): Said => ({
  key: 'errors_service.module.list',
  args: { modules: Object.keys(MODULES).join(', ') },
});

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
      { key: 'errors_service.module.unknown', args: { module: code.slice(0, 60) } },
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
        { key: 'errors_service.module.already_on', args: { module: MODULES[code].name, org: org.name } },
        { key: 'errors_service.module.already_on_next', args: { code } },
      );
    }
    if (!cmd.enabled && !has) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.module.not_on', args: { module: MODULES[code].name, org: org.name } },
        { key: 'errors_service.module.not_on_next', args: { code } },
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
