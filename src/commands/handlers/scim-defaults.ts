import { setOffboardingDefaults } from '../../service/set-offboarding-defaults.ts';
import { lower, noMore, onOff, refuse } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';

const FIELD = { 'free-seat': 'freeSeat', 'stop-renew': 'stopAutoRenew', former: 'markFormer' } as const;

/** an ICU select argument: yes or no */
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export interface ScimDefaultsCommand {
  name: 'scim defaults';
  /** null: show them; `on` is then false and unused */
  option: keyof typeof FIELD | null;
  on: boolean;
}

/**
 * `scim defaults` shows, and `scim defaults <option> on|off` changes, what offboarding by the
 * identity provider does to a leaver's seat (admins; audited).
 */
export const scimDefaultsSpec = defineCommand<ScimDefaultsCommand>({
  name: 'scim defaults',
  syntax: 'scim defaults [free-seat|stop-renew|former on|off]',
  summary: 'commands_handlers.summary.scim_defaults',
  example: 'scim defaults former off',
  parse: (a, usage) => {
    if (!a[0]) return { option: null, on: false };
    const option = lower(a[0]);
    if (option !== 'free-seat' && option !== 'stop-renew' && option !== 'former')
      refuse({ key: 'handlers_org.scim_defaults.which_option', args: { usage } });
    const on = onOff(a[1], usage);
    noMore(a.slice(2), usage);
    return { option: option as keyof typeof FIELD, on };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const d = await setOffboardingDefaults(c.service, c.actor, {
      organizationId,
      ...(cmd.option ? { [FIELD[cmd.option]]: cmd.on } : {}),
    });
    const w = wordsOf(c);
    return ok(
      w.t('handlers_org.scim_defaults.summary', {
        saved: yesNo(cmd.option !== null),
        free_seat: yesNo(d.freeSeat),
        stop_renew: yesNo(d.stopAutoRenew),
        former: yesNo(d.markFormer),
      }),
      {
        fields: [
          {
            label: w.t('handlers_org.scim_defaults.change_one'),
            value: '`scim defaults free-seat|stop-renew|former on|off`',
          },
        ],
      },
    );
  },
});
