/**
 * Lets concurrent identical reads share one query. A call that arrives while a query for its
 * key runs waits for the next one, which starts after it arrived: nobody gets an answer older
 * than their call (a person who just assigned a seat sees it), yet N callers at once cost at
 * most two queries instead of N.
 */
export const singleFlight = <T>() => {
  const running = new Map<string, Promise<T>>();
  const queued = new Map<string, Promise<T>>();
  const start = (key: string, fn: () => Promise<T>): Promise<T> => {
    const p = fn().finally(() => {
      if (running.get(key) === p) running.delete(key);
    });
    running.set(key, p);
    return p;
  };
  return (key: string, fn: () => Promise<T>): Promise<T> => {
    const current = running.get(key);
    if (!current) return start(key, fn);
    let next = queued.get(key);
    if (!next) {
      next = current
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          queued.delete(key);
          return start(key, fn);
        });
      queued.set(key, next);
    }
    return next;
  };
};
