import { z } from 'zod';
import { CONNECTION_KEY_TTL_MS, hashConnectionKey, newConnectionKey } from '../domain/connection-key.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import {
  isConnected,
  lockContract,
  onlyContract,
  unconnectedContractsManagedBy,
} from './support/contracts.ts';
import { parse, uuidField } from './support/input.ts';
import { actorAccount } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ contractId: uuidField.optional() });

/**
 * `contract key`: the contract manager gets a connection key to share with an organization's
 * admin. Shown once; only its hash is kept; valid for a week; issuing again replaces it.
 */
export const issueConnectionKey = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input> = {},
): Promise<{ key: string; expiresAt: Date; contractId: string }> => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const me = await actorAccount(em, actor, now);
    const contractId =
      cmd.contractId ??
      onlyContract(
        await unconnectedContractsManagedBy(em, me.id),
        {
          message: { key: 'errors_service.contract.none_for_key' },
          next: { key: 'errors_service.contract.none_for_key_next' },
        },
        { key: 'errors_service.contract.several_unconnected' },
      ).id;
    const contract = await lockContract(em, contractId);
    if (!contract) {
      throw new DomainError(
        'not_found',
        { key: 'errors_service.common.no_such_contract' },
        { key: 'errors_service.common.check_contract_id' },
      );
    }
    if (contract.managerId !== me.id) {
      throw new DomainError(
        'forbidden',
        { key: 'errors_service.contract.key_manager_only' },
        { key: 'errors_service.contract.key_manager_only_next' },
      );
    }
    if (contract.kind !== 'external') {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.contract.own_has_no_key' },
        { key: 'errors_service.contract.own_has_no_key_next' },
      );
    }
    if (contract.status !== 'active') {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.common.contract_ended', args: { contract: contract.id } },
        { key: 'errors_service.contract.ended_no_key' },
      );
    }
    if (isConnected(contract)) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.contract.connected_no_key', args: { contract: contract.id } },
        { key: 'errors_service.contract.connected_no_key_next' },
      );
    }
    const key = newConnectionKey();
    const expiresAt = new Date(now.getTime() + CONNECTION_KEY_TTL_MS);
    const before = {
      hadKey: contract.connectionKeyHash !== null,
      keyExpiresAt: contract.connectionKeyExpiresAt?.toISOString() ?? null,
    };
    contract.connectionKeyHash = hashConnectionKey(key);
    contract.connectionKeyExpiresAt = expiresAt;
    audit(em, now, {
      organizationId: null,
      actorId: me.id,
      action: 'contract.key_issued',
      subject: { type: 'contract', id: contract.id },
      before,
      after: { hadKey: true, keyExpiresAt: expiresAt.toISOString() },
    });
    return { key, expiresAt, contractId: contract.id };
  });
};
