import { fail, type Reply } from '../../src/commands/reply.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { organizationsOfSubjects, type SubjectIds } from '../../src/service/organizations-of-subjects.ts';

/**
 * Nothing crosses between workspaces: a button or form naming a request, invitation, offer or
 * organization that is not the workspace's organization is refused as not found, before any
 * use case runs.
 */
export const outsideWorkspace = async (
  service: ServiceContext,
  organizationId: string | null | undefined,
  payload: SubjectIds,
): Promise<Reply | null> => {
  const owners = await organizationsOfSubjects(service, payload);
  if (owners.every((o) => o !== null && o === organizationId)) return null;
  return fail(
    "There is no such request, invitation or organization in this workspace's organization. Run the command again here to see what there is.",
    'not_found',
  );
};
