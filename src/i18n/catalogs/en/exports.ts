/** `audit export`: the period it covers and the file it makes. */
export const exports = {
  'exports.audit.backwards': 'The period ends on {to}, before it starts on {from}.',
  'exports.audit.backwards_next': 'Give the first day, then the last: `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.too_long': 'An export covers at most {max} days; {from} to {to} is {days} days.',
  'exports.audit.too_long_next': 'Export a shorter period, for example one quarter at a time.',
  'exports.audit.too_many': '{count} changes from {from} to {to}: more than one file holds ({max}).',
  'exports.audit.too_many_next': 'Export a shorter period, for example one month at a time.',
} as const;
