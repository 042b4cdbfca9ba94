import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt's logger interface over our pino logger, so its messages land in the same log. */
export const boltLogger = (log: Logger): BoltLogger => {
  const child = log.child({ component: 'bolt' });
  return {
    debug: (...m) => child.debug(m.map(String).join(' ')),
    info: (...m) => child.info(m.map(String).join(' ')),
    warn: (...m) => child.warn(m.map(String).join(' ')),
    error: (...m) => child.error(m.map(String).join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
};
