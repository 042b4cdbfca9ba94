import { issueConnectionKey } from '../../service/issue-connection-key.ts';
import { day } from '../format.ts';
import type { Handler } from '../handler.ts';
import { info } from '../reply.ts';

export const contractKey: Handler<'contract key'> = async (c) => {
  const r = await issueConnectionKey(c.service, c.actor, {});
  return info(`Connection key: \`${r.key}\``, {
    fields: [
      { label: 'Valid until', value: day(r.expiresAt) },
      {
        label: 'Next',
        value: 'Share it with the organization admin; they type `contract connect <key>`. It works once.',
      },
    ],
    private: true,
  });
};
