import { BigIntType } from '@mikro-orm/core';

// Property shapes shared by the mappings, so a column type is spelled one way everywhere.
export const text = { type: 'string' } as const;
export const textNull = { type: 'string', nullable: true } as const;
export const int = { type: 'integer' } as const;
export const bool = { type: 'boolean' } as const;
export const uuid = { type: 'uuid' } as const;
export const uuidNull = { type: 'uuid', nullable: true } as const;
export const uuidPk = { type: 'uuid', primary: true } as const;
export const ts = { type: 'Date', columnType: 'timestamptz' } as const;
export const tsNull = { ...ts, nullable: true } as const;
export const json = { type: 'json' } as const;
export const jsonNull = { type: 'json', nullable: true } as const;
/** minor units as a JS number (safe up to 2^53, far beyond any seat bill) */
export const money = { type: new BigIntType('number') };
