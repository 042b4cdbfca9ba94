import { claimPendingFor, markParked } from '../../db/repositories/outbox.ts';
import { MalformedNotice, type Notice, parseNotice } from '../domain/notices.ts';
import type { ServiceContext } from './context.ts';
import { emailField, parse } from './support/input.ts';

/** A direct message handed to the person it is for, read into its notice. */
export interface DirectMessage {
  id: string;
  notice: Notice;
}

/**
 * The pending direct messages of one person, delivered where they are reading now (the shell):
 * claimed and marked sent, oldest first, each read into its notice. A row that no longer reads
 * as its kind is parked with the reason (as the worker does), not shown half.
 */
export const deliverDirectMessages = async (
  ctx: ServiceContext,
  raw: { email: string },
): Promise<DirectMessage[]> => {
  const email = parse(emailField, raw.email);
  const em = ctx.em.fork({ clear: true });
  const rows = await claimPendingFor(em, email, ctx.clock.now());
  const out: DirectMessage[] = [];
  for (const r of rows) {
    try {
      const payload = typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload;
      out.push({ id: r.id, notice: parseNotice(r.kind, payload) });
    } catch (e) {
      if (!(e instanceof MalformedNotice) && !(e instanceof SyntaxError)) throw e;
      await markParked(em, r.id, e.message);
    }
  }
  return out;
};
