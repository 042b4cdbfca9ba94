import { en } from './catalogs/en/index.ts';
import { fr } from './catalogs/fr/index.ts';
import { nl } from './catalogs/nl/index.ts';
import type { Locale } from './locale.ts';

/** A message's name: English's catalog defines them, the others must have each one. */
export type MessageKey = keyof typeof en;

export type Catalog = { readonly [K in MessageKey]: string };

export const CATALOGS: Record<Locale, Catalog> = { en, fr, nl };
