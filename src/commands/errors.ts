import { isDomainError } from '../domain/errors.ts';
import { fail, type Reply } from './reply.ts';

/** A refusal as one line with its code and the next step; anything else as a safe apology. */
export const errorReply = (e: unknown, log?: (e: unknown) => void): Reply => {
  if (isDomainError(e)) {
    // the refusal for a free or solo creator carries the way out as a button
    const upgrade = e.details?.action === 'upgrade_personal_plan';
    const field = typeof e.details?.field === 'string' ? e.details.field.split('.').at(-1) : undefined;
    return fail(e.line, e.code, {
      ...(upgrade
        ? {
            buttons: [
              { label: 'Upgrade to Business', action: 'personal.upgrade', payload: {}, style: 'primary' },
            ],
          }
        : {}),
      ...(field ? { fieldErrors: { [field]: e.message } } : {}),
    });
  }
  log?.(e);
  return fail('Something went wrong on our side and nothing was changed. Try again in a minute.', 'internal');
};
