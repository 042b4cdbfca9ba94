import type { AddressInfo } from 'node:net';

/**
 * The start's one line saying where it runs: the address actually bound (HOST:PORT), and a URL a
 * person can open (a wildcard address is reached as localhost from the same machine).
 */
export const listeningLine = ({ address, port, family }: AddressInfo) => {
  const wildcard = address === '0.0.0.0' || address === '::';
  const host = family === 'IPv6' ? `[${address}]` : address;
  return `Seatkeeper listening on ${host}:${port} (http://${wildcard ? 'localhost' : host}:${port})`;
};
