import { insertLink } from '../../db/repositories/workspace-links.ts';
import type { Workspace } from '../../src/domain/workspace.ts';
import type { TestDb } from './db.ts';

/**
 * Links a workspace or tenant to an organization, as `org create` there or `org link <code>`
 * would have: the starting state of tests about what a linked workspace can do.
 */
export const linkWorkspace = async (db: TestDb, w: Workspace, organizationId: string) => {
  await insertLink(db.em.fork(), w, organizationId, null, db.clock.now());
};

/** Links a workspace or tenant to the organization with this name (the demo's Acme, say). */
export const linkByName = async (db: TestDb, w: Workspace, organizationName: string) => {
  const [org] = await db.em
    .fork()
    .execute<{ id: string }[]>("select id from organization where name = ? and status <> 'deleted'", [
      organizationName,
    ]);
  if (!org) throw new Error(`no organization named ${organizationName}`);
  await linkWorkspace(db, w, org.id);
  return org.id;
};

/**
 * What an outsider tries in a workspace or tenant that is not theirs: every read and change of
 * an organization a chat command can make (Acme's people, from the demo).
 */
export const FOREIGN_ATTEMPTS = (people: { admin: string; member: string; other: string }) => [
  'status',
  'members',
  'audit',
  'requests',
  `role ${people.admin} member`,
  'autoassign on',
  'add 3 pro',
  `assign ${people.other} business`,
  `offboard ${people.member}`,
];
