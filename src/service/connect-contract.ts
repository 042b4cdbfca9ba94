import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  heldSeats,
  lockContractByKeyHash,
  membershipsByIds,
  organizationById,
} from '../../db/repositories/contracts.ts';
import { CONNECTION_KEY_PATTERN, hashConnectionKey } from '../domain/connection-key.ts';
import { DomainError } from '../domain/errors.ts';
import type { Contract, Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import {
  CONTRACT_AUDIT_KEYS,
  isConnected,
  lockContract,
  lockOrganizationFor,
  onlyContract,
  unconnectedContractsManagedBy,
} from './support/contracts.ts';
import { parse, textField, uuidField } from './support/input.ts';
import { audit, notify, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z
  .object({
    organizationId: uuidField,
    key: textField.trim().toLowerCase().optional(),
    contractId: uuidField.optional(),
  })
  .refine((c) => c.key === undefined || c.contractId === undefined, {
    message: 'give either a connection key or a contract id, not both',
  });

const keyInvalid = () =>
  new DomainError(
    'key_invalid',
    { key: 'errors_service.contract.key_invalid' },
    { key: 'errors_service.contract.key_invalid_next' },
  );

/**
 * `contract connect <key>`: connects a contract to the organization, with the key its manager
 * shared (single-use), or directly by contract id when the actor manages the contract. Without
 * either, the one unconnected contract the actor manages. Reconnecting a contract that moved
 * from another organization releases the seats still held by that organization's members.
 */
export const connectContract = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  if (cmd.key !== undefined && !CONNECTION_KEY_PATTERN.test(cmd.key)) {
    throw new DomainError(
      'key_invalid',
      { key: 'errors_service.contract.key_malformed' },
      { key: 'errors_service.contract.key_malformed_next' },
    );
  }
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'manage_contract', now);

    let contract: Contract;
    const via = cmd.key !== undefined ? 'key' : 'direct';
    if (cmd.key !== undefined) {
      const found = await lockContractByKeyHash(em, hashConnectionKey(cmd.key));
      if (!found?.connectionKeyExpiresAt || found.connectionKeyExpiresAt <= now) throw keyInvalid();
      contract = found;
    } else {
      const contractId =
        cmd.contractId ??
        onlyContract(
          await unconnectedContractsManagedBy(em, me.id),
          {
            message: { key: 'errors_service.contract.none_to_connect' },
            next: { key: 'errors_service.contract.none_to_connect_next' },
          },
          { key: 'errors_service.contract.several_unconnected' },
        ).id;
      const found = await lockContract(em, contractId);
      if (!found) {
        throw new DomainError(
          'not_found',
          { key: 'errors_service.common.no_such_contract' },
          { key: 'errors_service.common.check_contract_id' },
        );
      }
      if (found.managerId !== me.id) {
        throw new DomainError(
          'forbidden',
          { key: 'errors_service.contract.not_manager' },
          { key: 'errors_service.contract.ask_for_key' },
        );
      }
      contract = found;
    }

    await requireConnectable(em, contract, org);

    const before = snapshot(contract, CONTRACT_AUDIT_KEYS);
    const previousOrgId = contract.organizationId;
    const released =
      previousOrgId && previousOrgId !== org.id ? await releaseSeats(em, contract, me.id, now) : 0;
    contract.organizationId = org.id;
    contract.disconnectedAt = null;
    contract.connectionKeyHash = null;
    contract.connectionKeyExpiresAt = null;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'contract.connected',
      subject: { type: 'contract', id: contract.id },
      before,
      after: { ...snapshot(contract, CONTRACT_AUDIT_KEYS), via, releasedSeats: released },
    });
    return { contract, organization: org, via, releasedSeats: released };
  });
};

const requireConnectable = async (em: EntityManager, contract: Contract, org: Organization) => {
  if (contract.kind !== 'external') {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.contract.own_contract' },
      { key: 'errors_service.contract.own_contract_next' },
    );
  }
  if (contract.status !== 'active') {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.common.contract_ended', args: { contract: contract.id } },
      { key: 'errors_service.contract.ended_next' },
    );
  }
  if (!isConnected(contract)) return;
  if (contract.organizationId === org.id) {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.contract.connected_here', args: { contract: contract.id, org: org.name } },
      { key: 'errors_service.contract.connected_here_next' },
    );
  }
  // Connected elsewhere: refused, unless that organization is closed for good.
  const other = await organizationById(em, contract.organizationId!);
  if (other && (other.status === 'active' || other.status === 'cancelling')) {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.contract.connected_elsewhere' },
      { key: 'errors_service.contract.connected_elsewhere_next' },
    );
  }
};

/** Frees the seats held by members of the organization the contract leaves; tells each holder. */
const releaseSeats = async (
  em: EntityManager,
  contract: Contract,
  actorId: string,
  now: Date,
): Promise<number> => {
  const held = await heldSeats(em, contract.id);
  if (held.length === 0) return 0;
  const memberships = await membershipsByIds(
    em,
    held.map((s) => s.membershipId!),
  );
  const byId = new Map(memberships.map((m) => [m.id, m]));
  for (const seat of held) {
    const m = byId.get(seat.membershipId!);
    const before = snapshot(seat, ['planCode', 'membershipId', 'assignedAt']);
    seat.membershipId = null;
    seat.assignedAt = null;
    audit(em, now, {
      organizationId: m?.organizationId ?? contract.organizationId,
      actorId,
      action: 'seat.released',
      subject: { type: 'seat', id: seat.id },
      before,
      after: { ...snapshot(seat, ['planCode', 'membershipId', 'assignedAt']), reason: 'contract_moved' },
    });
    if (m) {
      notify(em, now, {
        organizationId: m.organizationId,
        recipientId: m.accountId,
        kind: 'seat_removed',
        payload: { planCode: seat.planCode, contractId: contract.id, reason: 'contract_moved' },
      });
    }
  }
  return held.length;
};
