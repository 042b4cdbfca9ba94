import type { EntityManager } from '@mikro-orm/postgresql';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { open, seal } from './seal.ts';

/** One row per team (or per enterprise for an org-wide install). */
const keyOf = (enterpriseId: string | undefined, teamId: string | undefined, enterprise: boolean) =>
  enterprise && enterpriseId ? `E:${enterpriseId}` : `T:${teamId ?? ''}`;

/**
 * Multi-workspace OAuth installs in PostgreSQL. The whole installation (bot token included) is
 * sealed with ENCRYPTION_KEY before it is written; only the ids stay readable, for lookups.
 */
export class PgInstallationStore implements InstallationStore {
  constructor(
    private readonly em: EntityManager,
    private readonly key: Buffer,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const enterprise = Boolean(installation.isEnterpriseInstall);
    const key = keyOf(installation.enterprise?.id, installation.team?.id, enterprise);
    if (key === 'T:') throw new Error('an installation without a team or enterprise id');
    await this.em.fork().execute(
      `insert into slack_installation (install_key, team_id, enterprise_id, sealed) values (?, ?, ?, ?)
       on conflict (install_key) do update set sealed = excluded.sealed, updated_at = now()`,
      [
        key,
        installation.team?.id ?? null,
        installation.enterprise?.id ?? null,
        seal(this.key, JSON.stringify(installation)),
      ],
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = keyOf(query.enterpriseId, query.teamId, query.isEnterpriseInstall);
    const rows = await this.em
      .fork()
      .execute<{ sealed: string }[]>('select sealed from slack_installation where install_key = ?', [key]);
    if (!rows[0]) throw new Error(`no Slack installation for ${key}`);
    return JSON.parse(open(this.key, rows[0].sealed)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOf(query.enterpriseId, query.teamId, query.isEnterpriseInstall);
    await this.em.fork().execute('delete from slack_installation where install_key = ?', [key]);
  }
}
