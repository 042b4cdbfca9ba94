/** `audit export`: the period it covers and the file it makes. */
export const exports = {
  'exports.audit.backwards': 'The period ends on {to}, before it starts on {from}.',
  'exports.audit.backwards_next': 'Give the first day, then the last: `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.too_long': 'An export covers at most {max} days; {from} to {to} is {days} days.',
  'exports.audit.too_long_next': 'Export a shorter period, for example one quarter at a time.',
  'exports.audit.too_many': '{count} changes from {from} to {to}: more than one file holds ({max}).',
  'exports.audit.too_many_next': 'Export a shorter period, for example one month at a time.',
  'exports.audit.usage':
    'Give the first and the last day: `{usage}`, for example `audit export 2026-01-01 2026-03-31`.',
  'exports.audit.done':
    'Audit of {from} to {to}: {rows, plural, =0 {no changes} one {# change} other {# changes}}, in the attached file.',
  'exports.audit.in_direct_message':
    'The file is in your direct messages with Seatkeeper: an audit is for you, not for everyone in this conversation.',
  'exports.audit.upload_failed':
    'The audit file could not be uploaded ({error}). Try again in a minute; if it keeps failing, reinstall Seatkeeper so it may upload files.',
  'exports.audit.consent_description': 'Audit trail of {from} to {to} (UTC), one row per change.',
  'exports.audit.declined':
    'You declined the file: nothing was uploaded. Run `audit export {from} {to}` again when you want it.',
  'exports.audit.personal_only':
    'Teams sends files only in your personal chat with Seatkeeper: write `audit export {from} {to}` to me there.',
  'exports.audit.stale_consent':
    'This file was asked for in another organization than the one linked here now: run `audit export` again.',
  'exports.audit.save_failed': 'The file could not be written in {dir} ({error}).',
  'exports.audit.saved': 'Written to {path}.',
} as const;
