import { common } from './common.ts';

/** Every message in this language, by key; one area per file. */
export const nl = { ...common } as const;
