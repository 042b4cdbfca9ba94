import { setOffboardingDefaults } from '../../service/set-offboarding-defaults.ts';
import { organizationFor } from '../context.ts';
import { yesNo } from '../format.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

const FIELD = { 'free-seat': 'freeSeat', 'stop-renew': 'stopAutoRenew', former: 'markFormer' } as const;

/**
 * `scim defaults` shows, and `scim defaults <option> on|off` changes, what offboarding by the
 * identity provider does to a leaver's seat (admins; audited).
 */
export const scimDefaults: Handler<'scim defaults'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const d = await setOffboardingDefaults(c.service, c.actor, {
    organizationId,
    ...(cmd.option ? { [FIELD[cmd.option]]: cmd.on } : {}),
  });
  return ok(
    `${cmd.option ? 'Saved. ' : ''}When the identity provider offboards someone: free their seat ${yesNo(d.freeSeat)}, stop its auto-renew ${yesNo(d.stopAutoRenew)}, mark them former ${yesNo(d.markFormer)}.`,
    {
      fields: [{ label: 'Change one', value: '`scim defaults free-seat|stop-renew|former on|off`' }],
    },
  );
};
