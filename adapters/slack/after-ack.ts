import Bottleneck from 'bottleneck';

/**
 * The work buttons do after their ack (the action, then the answer to the response_url), at most
 * `concurrent` at once in this process. Without a bound a burst of clicks starts thousands of
 * actions together: they fight over the database pool, drain for tens of seconds and hold their
 * state in memory all that time (over 1 GB for a few seconds of clicks in bench:slack). Waiting
 * presses are only their payloads; each still runs, in the order clicked.
 */
export const afterAckLimit = (concurrent = 16) => {
  const limiter = new Bottleneck({ maxConcurrent: concurrent });
  return <T>(work: () => Promise<T>): Promise<T> => limiter.schedule(work);
};

export type AfterAck = ReturnType<typeof afterAckLimit>;
