import { describe, expect, it } from 'vitest';
import { listeningLine } from '../../src/listening-line.ts';

describe('the line the start prints', () => {
  it('names the address bound and, for a wildcard, a URL to open on this machine', () => {
    expect(listeningLine({ address: '0.0.0.0', port: 3000, family: 'IPv4' })).toBe(
      'Seatkeeper listening on 0.0.0.0:3000 (http://localhost:3000)',
    );
    expect(listeningLine({ address: '::', port: 8080, family: 'IPv6' })).toBe(
      'Seatkeeper listening on [::]:8080 (http://localhost:8080)',
    );
  });

  it('a specific host is both the address and the URL', () => {
    expect(listeningLine({ address: '127.0.0.1', port: 4000, family: 'IPv4' })).toBe(
      'Seatkeeper listening on 127.0.0.1:4000 (http://127.0.0.1:4000)',
    );
  });
});
