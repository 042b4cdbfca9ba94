import { EntitySchema } from '@mikro-orm/core';
import type { Platform, Workspace } from '../../src/domain/workspace.ts';
import { text, textNull, ts, tsNull, uuid, uuidNull, uuidPk } from './columns.ts';

// Which chat workspace belongs to which organization, and the one-time codes that link them.

export interface WorkspaceLinkRow extends Workspace {
  organizationId: string;
  linkedBy: string | null;
  linkedAt: Date;
}

export const WorkspaceLinkSchema = new EntitySchema<WorkspaceLinkRow>({
  name: 'WorkspaceLink',
  tableName: 'workspace_link',
  properties: {
    platform: { type: 'string', primary: true },
    workspaceId: { type: 'string', primary: true },
    organizationId: uuid,
    linkedBy: uuidNull,
    linkedAt: ts,
  },
});

export interface LinkCodeRow {
  id: string;
  organizationId: string;
  codeHash: string;
  issuedBy: string | null;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedPlatform: Platform | null;
  usedWorkspaceId: string | null;
}

export const LinkCodeSchema = new EntitySchema<LinkCodeRow>({
  name: 'LinkCode',
  tableName: 'link_code',
  properties: {
    id: uuidPk,
    organizationId: uuid,
    codeHash: text,
    issuedBy: uuidNull,
    issuedAt: ts,
    expiresAt: ts,
    usedAt: tsNull,
    usedPlatform: textNull,
    usedWorkspaceId: textNull,
  },
});

export const linkEntities = [WorkspaceLinkSchema, LinkCodeSchema];
