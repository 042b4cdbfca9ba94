import { exportAudit } from '../../service/export-audit.ts';
import { noMore, refuse } from '../args.ts';
import { type CommandContext, organizationFor, wordsOf } from '../context.ts';
import { info, type Reply } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';

export interface AuditExportCommand {
  name: 'audit export';
  /** first and last day, both included, as typed (the use case reads them as UTC days) */
  from: string;
  to: string;
}

/**
 * `audit export <from> <to>`: the audit trail of those days as a CSV file, for auditors. The
 * reply is one line and the file; each platform hands the file over its own way (Slack uploads
 * it after the ack, Teams after the person consents, the shell writes it). The file's `source`
 * holds the organization and the days only: whoever makes it again is authorized again.
 */
export const auditExport = async (c: CommandContext, cmd: AuditExportCommand): Promise<Reply> => {
  const organizationId = await organizationFor(c);
  const x = await exportAudit(c.service, c.actor, { organizationId, from: cmd.from, to: cmd.to });
  return info(wordsOf(c).t('exports.audit.done', { from: x.from, to: x.to, rows: x.rows }), {
    file: {
      name: x.fileName,
      mimeType: 'text/csv',
      content: x.csv,
      source: { organizationId, from: x.from, to: x.to },
    },
    private: true,
  });
};

export const auditExportSpec = defineCommand<AuditExportCommand>({
  name: 'audit export',
  syntax: 'audit export <from> <to>',
  summary: 'commands_handlers.summary.audit_export',
  example: 'audit export 2026-01-01 2026-03-31',
  parse: (a, usage) => {
    const [from, to] = a;
    if (!from || !to || from.kind !== 'word' || to.kind !== 'word')
      refuse({ key: 'exports.audit.usage', args: { usage } });
    noMore(a.slice(2), usage);
    return { from: tokenText(from!), to: tokenText(to!) };
  },
  run: auditExport,
});
