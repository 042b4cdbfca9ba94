/**
 * A catalog area in another language: exactly the English area's keys, each a string (an extra or
 * missing key does not compile; test/unit/catalogs.test.ts checks the ICU arguments match).
 */
export type Translation<En> = { readonly [K in keyof En]: string };
