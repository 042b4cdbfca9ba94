import type { AllMiddlewareArgs, InstallationStore, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';

/**
 * `app_uninstalled` / `tokens_revoked`: the workspace's tokens no longer work, so its sealed
 * installation is deleted. The workspace stays connected to its organization, so installing
 * the app again carries on where it left off.
 */
export const appUninstalled =
  (d: SlackDeps, store: InstallationStore) =>
  async ({
    body,
  }: (SlackEventMiddlewareArgs<'app_uninstalled'> | SlackEventMiddlewareArgs<'tokens_revoked'>) &
    AllMiddlewareArgs) => {
    const teamId = body.team_id;
    const enterpriseId = body.enterprise_id;
    const isEnterpriseInstall = Boolean(body.is_enterprise_install);
    await store.deleteInstallation?.({ teamId, enterpriseId, isEnterpriseInstall });
    d.log.info({ teamId, enterpriseId }, 'slack installation removed');
  };
