import { english } from '../../src/i18n/words.ts';

/**
 * The one line a press gets when too many are already waiting (its work is not started), in
 * English. It is said before the press is identified: the press says it in the locale Slack sent
 * with it, if any (sent-words.ts), else in these words.
 */
export const BUSY_TEXT = english.t('adapters.slack.busy');

/**
 * The work buttons do after their ack (the action, then the answer to the response_url), at most
 * `concurrent` at once in this process. Without a bound a burst of clicks starts thousands of
 * actions together: they fight over the database pool, drain for tens of seconds and hold their
 * state in memory all that time (over 1 GB for a few seconds of clicks in bench:slack). Waiting
 * presses are only their payloads; each still runs, in the order clicked, until `waiting` of them
 * wait: a press past that runs `busy` instead (a one-line answer), since an answer seconds late is
 * worth less than a prompt "try again" and an unbounded queue only grows under a sustained burst.
 * A plain FIFO, not Bottleneck: its scheduling (events, timers, async generators) was 5 % of the
 * process's CPU under a burst of clicks.
 */
export const afterAckLimit = ({ concurrent = 16, waiting = 512 } = {}) => {
  let running = 0;
  const queue: (() => void)[] = [];
  // a finishing press hands its slot straight to the first waiting one (running stays the same),
  // so a press arriving in between cannot take it first
  const next = () => {
    const first = queue.shift();
    if (first) first();
    else running--;
  };
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } finally {
      next();
    }
  };
  return <T>(work: () => Promise<T>, busy: () => Promise<T>): Promise<T> => {
    if (running < concurrent) {
      running++;
      return run(work);
    }
    if (queue.length >= waiting) return busy();
    return new Promise<void>((start) => queue.push(start)).then(() => run(work));
  };
};

export type AfterAck = ReturnType<typeof afterAckLimit>;
