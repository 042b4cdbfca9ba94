import type { domain_terms as en } from '../en/domain_terms.ts';
import type { Translation } from '../translation.ts';

export const domain_terms: Translation<typeof en> = {};
