import { checkPermission } from '../../service/check-permission.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface BillingCommand {
  name: 'billing';
}

/** The billing details form, filled with what is on file. */
export const billingSpec = defineCommand<BillingCommand>({
  name: 'billing',
  syntax: 'billing',
  summary: 'commands_handlers.summary.billing',
  example: 'billing',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    const org = await checkPermission(c.service, c.actor, 'billing', { organizationId });
    const d = org.billingDetails;
    return info(
      d
        ? `Billing details of ${org.name}: ${d.company}, ${d.email}, ${d.country}${d.vatId ? `, VAT ${d.vatId}` : ''}.`
        : `${org.name} has no billing details yet.`,
      {
        form: {
          action: 'billing.submit',
          title: 'Billing details',
          submitLabel: 'Save',
          payload: { organizationId },
          fields: [
            {
              name: 'company',
              label: 'Company',
              type: 'text',
              required: true,
              initial: d?.company ?? org.name,
            },
            { name: 'email', label: 'Billing email', type: 'email', required: true, initial: d?.email ?? '' },
            {
              name: 'country',
              label: 'Country (two letters, e.g. NL)',
              type: 'text',
              required: true,
              initial: d?.country ?? '',
            },
            {
              name: 'vatId',
              label: 'VAT id',
              type: 'text',
              initial: d?.vatId ?? '',
              hint: 'e.g. NL123456789B01',
            },
            { name: 'address', label: 'Address', type: 'textarea', initial: d?.address ?? '' },
          ],
        },
        private: true,
      },
    );
  },
});
