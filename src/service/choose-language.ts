import { z } from 'zod';
import { setAccountLanguage } from '../../db/repositories/languages.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse } from './support/input.ts';
import { actorAccount } from './support/lookups.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ language: z.enum(LOCALES).nullable() });

/**
 * The language a person reads Seatkeeper in, whatever their platform says; null follows the
 * platform again. Personal, like a client setting: no organization's audit records it.
 */
export const chooseLanguage = (ctx: ServiceContext, actor: Actor, raw: { language: Locale | null }) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const me = await actorAccount(em, actor, now);
    await setAccountLanguage(em, me.id, cmd.language, now);
    return { language: cmd.language };
  });
};
