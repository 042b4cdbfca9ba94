import { formatMoney } from '../domain/money.ts';

export const price = (amount: number, currency: string) => formatMoney({ amount, currency });
export const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const yesNo = (b: boolean) => (b ? 'on' : 'off');
/** A moment to the minute, in UTC: `2026-12-02 14:05 UTC`. */
export const when = (d: Date | string) => `${new Date(d).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
