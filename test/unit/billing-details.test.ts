import { describe, expect, it } from 'vitest';
import { billingDetailsInput } from '../../src/domain/billing-details.ts';

const valid = { company: 'Acme BV', email: 'billing@acme.nl', country: 'NL', vatId: 'NL123456789B01' };

/** The first issue of a failed parse, as [path, message]. */
const firstIssue = (input: unknown): [string, string] => {
  const r = billingDetailsInput.safeParse(input);
  if (r.success) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  const issue = r.error.issues[0]!;
  return [issue.path.join('.'), issue.message];
};

describe('billingDetailsInput: valid', () => {
  it('accepts a complete NL record as is', () => {
    expect(billingDetailsInput.parse({ ...valid, address: 'Damrak 1, Amsterdam' })).toEqual({
      company: 'Acme BV',
      email: 'billing@acme.nl',
      country: 'NL',
      vatId: 'NL123456789B01',
      address: 'Damrak 1, Amsterdam',
    });
  });

  it('normalizes: trims, upper-cases country and VAT id, removes spaces, dots and dashes, lower-cases email', () => {
    expect(
      billingDetailsInput.parse({
        company: '  Acme BV  ',
        email: 'Billing@ACME.nl',
        country: ' nl ',
        vatId: ' nl 1234.5678.9-b01 ',
        address: '  Damrak 1  ',
      }),
    ).toEqual({
      company: 'Acme BV',
      email: 'billing@acme.nl',
      country: 'NL',
      vatId: 'NL123456789B01',
      address: 'Damrak 1',
    });
  });

  it('accepts a Greek VAT id with the EL prefix', () => {
    const r = billingDetailsInput.parse({ ...valid, country: 'gr', vatId: 'EL 123 456 789' });
    expect(r.country).toBe('GR');
    expect(r.vatId).toBe('EL123456789');
  });

  it('accepts a Greek VAT id with the GR prefix too', () => {
    expect(billingDetailsInput.parse({ ...valid, country: 'GR', vatId: 'GR123456789' }).vatId).toBe(
      'GR123456789',
    );
  });

  it('makes VAT id and address null when missing or null', () => {
    const r = billingDetailsInput.parse({ company: 'Acme', email: 'a@acme.fr', country: 'FR' });
    expect(r.vatId).toBeNull();
    expect(r.address).toBeNull();
    const n = billingDetailsInput.parse({
      company: 'Acme',
      email: 'a@acme.fr',
      country: 'FR',
      vatId: null,
      address: null,
    });
    expect(n.vatId).toBeNull();
    expect(n.address).toBeNull();
  });
});

describe('billingDetailsInput: invalid', () => {
  it('refuses an invalid email', () => {
    expect(firstIssue({ ...valid, email: 'not-an-email' })).toEqual([
      'email',
      'is not a valid email address',
    ]);
    expect(firstIssue({ ...valid, email: 'a@b' })[0]).toBe('email');
  });

  it.each(['NLD', 'N', '1N', '', 'N1'])('refuses country %j', (country) => {
    expect(firstIssue({ ...valid, country, vatId: null })).toEqual([
      'country',
      'must be a two-letter ISO code such as NL or FR',
    ]);
  });

  it('refuses a VAT id that does not start with the country code', () => {
    expect(firstIssue({ ...valid, country: 'FR', vatId: 'NL123456789B01' })).toEqual([
      'vatId',
      'must start with the country code',
    ]);
    // EL is only an alias for GR
    expect(firstIssue({ ...valid, country: 'CY', vatId: 'EL123456789' })[1]).toBe(
      'must start with the country code',
    );
  });

  it.each([
    'NL1',
    '123456789',
    'NL123456789B0123',
    'NL12345678_B01',
  ])('refuses malformed VAT id %j', (vatId) => {
    expect(firstIssue({ ...valid, vatId })).toEqual(['vatId', 'must look like NL123456789B01']);
  });

  it('refuses a company name that is too short, after trimming', () => {
    expect(firstIssue({ ...valid, company: 'A' })).toEqual([
      'company',
      'is too short (2 characters at least)',
    ]);
    expect(firstIssue({ ...valid, company: '   A   ' })).toEqual([
      'company',
      'is too short (2 characters at least)',
    ]);
  });

  it('refuses an over-long company name and address', () => {
    expect(firstIssue({ ...valid, company: 'x'.repeat(201) })[0]).toBe('company');
    expect(firstIssue({ ...valid, address: 'x'.repeat(501) })[0]).toBe('address');
  });

  it('refuses missing required fields', () => {
    expect(firstIssue({ email: valid.email, country: 'NL' })[0]).toBe('company');
    expect(firstIssue({ company: 'Acme', country: 'NL' })[0]).toBe('email');
    expect(firstIssue({ company: 'Acme', email: valid.email })[0]).toBe('country');
  });
});

describe('billing details from forms', () => {
  it('treats a blank VAT id as none and trims the email', () => {
    const r = billingDetailsInput.parse({
      company: 'Acme BV',
      email: '  Billing@Acme.NL ',
      country: 'nl',
      vatId: '  ',
    });
    expect(r.vatId).toBeNull();
    expect(r.email).toBe('billing@acme.nl');
  });
});
