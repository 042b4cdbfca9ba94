import { z } from 'zod';
import { problem } from './input-problems.ts';
import { isOneLineName, isStorableText, NOT_ONE_LINE_NAME, UNSTORABLE_TEXT } from './text.ts';

const text = z.string().refine(isStorableText, UNSTORABLE_TEXT);

/** EU-style VAT ids: two-letter country prefix then 2–13 letters or digits (e.g. NL123456789B01). */
const VAT_ID = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

export const billingDetailsInput = z
  .object({
    company: text
      .refine(isOneLineName, NOT_ONE_LINE_NAME)
      .trim()
      .min(2, problem('errors_support.input.too_short_2'))
      .max(200),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email(problem('errors_support.input.not_email'))),
    country: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, problem('errors_support.input.country'))),
    // blank means none (forms send empty strings); spaces, dots and dashes are ignored
    vatId: z
      .string()
      .nullish()
      .transform((s) => (s == null || s.trim() === '' ? null : s.replace(/[\s.-]/g, '').toUpperCase()))
      .pipe(z.string().regex(VAT_ID, problem('errors_support.input.vat_id')).nullable()),
    address: text
      .trim()
      .max(500)
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine(
    (d) => !d.vatId || d.vatId.startsWith(d.country) || (d.country === 'GR' && d.vatId.startsWith('EL')),
    {
      message: problem('errors_support.input.vat_country'),
      path: ['vatId'],
    },
  );
