const settled = () => undefined;

/**
 * Lets concurrent reads of one key share one query, and tells the query who is waiting. A call
 * that arrives while a query for its key runs joins the next one, which starts after it arrived:
 * nobody gets an answer older than their call (a person who just assigned a seat sees it), yet
 * N callers at once cost at most two queries instead of N. Each query gets the arguments of all
 * the calls it answers (e.g. the people to authorize in one go).
 */
export const batchedFlight = <A, T>() => {
  const running = new Map<string, Promise<T>>();
  const queued = new Map<string, { args: A[]; next: Promise<T> }>();
  const start = (key: string, args: A[], fn: (args: A[]) => Promise<T>): Promise<T> => {
    const p = fn(args).finally(() => {
      if (running.get(key) === p) running.delete(key);
    });
    running.set(key, p);
    return p;
  };
  return (key: string, arg: A, fn: (args: A[]) => Promise<T>): Promise<T> => {
    const current = running.get(key);
    if (!current) return start(key, [arg], fn);
    const waiting = queued.get(key);
    if (waiting) {
      waiting.args.push(arg);
      return waiting.next;
    }
    const args = [arg];
    const next = current.then(settled, settled).then(() => {
      queued.delete(key);
      return start(key, args, fn);
    });
    queued.set(key, { args, next });
    return next;
  };
};

/** batchedFlight for reads that need no arguments. */
export const singleFlight = <T>() => {
  const flight = batchedFlight<undefined, T>();
  return (key: string, fn: () => Promise<T>): Promise<T> => flight(key, undefined, () => fn());
};
