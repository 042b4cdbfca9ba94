import { EntitySchema } from '@mikro-orm/core';
import { ts, uuid, uuidPk } from './columns.ts';

// Who decides purchases for an approver while they are away (`delegate`); reached by raw SQL in
// db/repositories/approval-delegates.ts.

export interface ApprovalDelegateRow {
  id: string;
  organizationId: string;
  approverId: string;
  delegateId: string;
  /** the instant the delegation ends (exclusive: the day after the last day named) */
  until: Date;
  createdAt: Date;
}

export const ApprovalDelegateSchema = new EntitySchema<ApprovalDelegateRow>({
  name: 'ApprovalDelegate',
  tableName: 'approval_delegate',
  properties: {
    id: uuidPk,
    organizationId: uuid,
    approverId: uuid,
    delegateId: uuid,
    until: ts,
    createdAt: ts,
  },
});

export const approvalEntities = [ApprovalDelegateSchema];
