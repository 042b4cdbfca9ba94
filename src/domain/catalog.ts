import type { BillingPeriod } from './period.ts';
import { DEFAULT_TIERS, type Tier } from './tiers.ts';

export type PersonalPlan = 'free' | 'solo' | 'business';
export const PERSONAL_PLANS: readonly PersonalPlan[] = ['free', 'solo', 'business'];

/** A seat plan of the catalog: a price per seat per period, tiers, features and limits. */
export interface Plan {
  code: string;
  name: string;
  /** orders plans from cheapest to richest; auto-assign picks the lowest rank that has the feature */
  rank: number;
  currency: string;
  monthlyPrice: number;
  yearlyPrice: number;
  tiers: Tier[];
  features: string[];
  /** numeric limits; a missing key means unlimited */
  limits: Record<string, number>;
}

export const listPrice = (plan: Plan, period: BillingPeriod): number =>
  period === 'month' ? plan.monthlyPrice : plan.yearlyPrice;

export const FREE_PLAN_CODE = 'free';

/** The catalog a fresh database starts with (a migration seeds it; the table is the truth). */
export const DEFAULT_PLANS: Plan[] = [
  {
    code: 'free',
    name: 'Free',
    rank: 0,
    currency: 'eur',
    monthlyPrice: 0,
    yearlyPrice: 0,
    tiers: [...DEFAULT_TIERS],
    features: ['surveys'],
    limits: { survey_responses: 100, active_surveys: 3 },
  },
  {
    code: 'pro',
    name: 'Pro',
    rank: 10,
    currency: 'eur',
    monthlyPrice: 1500,
    yearlyPrice: 15000,
    tiers: [...DEFAULT_TIERS],
    features: ['surveys', 'exports', 'branding'],
    limits: { survey_responses: 1000, active_surveys: 50 },
  },
  {
    code: 'business',
    name: 'Business',
    rank: 20,
    currency: 'eur',
    monthlyPrice: 3000,
    yearlyPrice: 30000,
    tiers: [...DEFAULT_TIERS],
    features: ['surveys', 'exports', 'branding', 'groups', 'api', 'sso'],
    limits: {},
  },
];

/** What an account pays for itself when not in an organization (the "Upgrade to Business" price). */
export const PERSONAL_PRICES: Record<PersonalPlan, { monthly: number; currency: string }> = {
  free: { monthly: 0, currency: 'eur' },
  solo: { monthly: 900, currency: 'eur' },
  business: { monthly: 3000, currency: 'eur' },
};

/** Personal plans map onto catalog plans for entitlement checks. */
export const personalPlanAsCatalog = (p: PersonalPlan): string => (p === 'solo' ? 'pro' : p);

export const EDITIONS = ['standard', 'plus'] as const;
export type Edition = (typeof EDITIONS)[number];

export const MODULES = {
  sso: { name: 'Single sign-on', monthly: 5000 },
  'audit-export': { name: 'Audit export', monthly: 2000 },
  integrations: { name: 'Integrations pack', monthly: 3000 },
} as const;
export type ModuleCode = keyof typeof MODULES;
export const isModule = (s: string): s is ModuleCode => Object.hasOwn(MODULES, s);
