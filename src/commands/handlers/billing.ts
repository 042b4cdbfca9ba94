import { checkPermission } from '../../service/check-permission.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
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
    const w = wordsOf(c);
    return info(
      d
        ? w.t('handlers_people.billing.details', {
            org: org.name,
            company: d.company,
            email: d.email,
            country: d.country,
            withVat: d.vatId ? 'yes' : 'no',
            vat: d.vatId ?? '',
          })
        : w.t('handlers_people.billing.none', { org: org.name }),
      {
        form: {
          action: 'billing.submit',
          title: w.t('handlers_people.billing.title'),
          submitLabel: w.t('handlers_people.billing.save'),
          payload: { organizationId },
          fields: [
            {
              name: 'company',
              label: w.t('handlers_people.billing.company'),
              type: 'text',
              required: true,
              initial: d?.company ?? org.name,
            },
            {
              name: 'email',
              label: w.t('handlers_people.billing.email'),
              type: 'email',
              required: true,
              initial: d?.email ?? '',
            },
            {
              name: 'country',
              label: w.t('handlers_people.billing.country'),
              type: 'text',
              required: true,
              initial: d?.country ?? '',
            },
            {
              name: 'vatId',
              label: w.t('handlers_people.billing.vat'),
              type: 'text',
              initial: d?.vatId ?? '',
              hint: w.t('handlers_people.billing.vat_hint'),
            },
            {
              name: 'address',
              label: w.t('handlers_people.billing.address'),
              type: 'textarea',
              initial: d?.address ?? '',
            },
          ],
        },
        private: true,
      },
    );
  },
});
