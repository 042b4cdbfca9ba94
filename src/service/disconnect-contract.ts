import { z } from 'zod';
import { connectedExternalContracts } from '../../db/repositories/contracts.ts';
import { DomainError } from '../domain/errors.ts';
import type { Contract } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { CONTRACT_AUDIT_KEYS, lockContract, lockOrganizationFor, onlyContract } from './support/contracts.ts';
import { parse, uuidField } from './support/input.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  contractId: uuidField.optional(),
});

/**
 * `contract disconnect`: the organization stops using a contract bought outside chat. Its seats
 * stay assigned but frozen: no plan changes until it is connected again.
 */
export const disconnectContract = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'manage_contract', now);

    const contractId =
      cmd.contractId ??
      onlyContract(
        await connectedExternalContracts(em, org.id),
        {
          message: { key: 'errors_service.contract.none_to_disconnect', args: { org: org.name } },
          next: { key: 'errors_service.contract.none_to_disconnect_next' },
        },
        { key: 'errors_service.contract.several_connected', args: { org: org.name } },
      ).id;
    const contract: Contract | null = await lockContract(em, contractId);
    if (!contract || contract.organizationId !== org.id) {
      // Another organization's contract is "not found" here: no leak across organizations.
      throw new DomainError(
        'not_found',
        { key: 'errors_service.contract.not_in_org', args: { org: org.name } },
        { key: 'errors_service.contract.not_in_org_next' },
      );
    }
    if (contract.kind === 'organization') {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.contract.own_not_disconnectable', args: { org: org.name } },
        { key: 'errors_service.contract.own_not_disconnectable_next' },
      );
    }
    if (contract.disconnectedAt !== null) {
      throw new DomainError(
        'conflict',
        {
          key: 'errors_service.contract.already_disconnected',
          args: { contract: contract.id, org: org.name },
        },
        { key: 'errors_service.contract.already_disconnected_next' },
      );
    }
    const before = snapshot(contract, CONTRACT_AUDIT_KEYS);
    contract.disconnectedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'contract.disconnected',
      subject: { type: 'contract', id: contract.id },
      before,
      after: snapshot(contract, CONTRACT_AUDIT_KEYS),
    });
    return { contract, organization: org };
  });
};
