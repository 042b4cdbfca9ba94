/**
 * Resolves `{ done: true, value }` if `work` settles within `ms`, else `{ done: false }` (the work
 * keeps running). Chat platforms want an answer within seconds: adapters answer with the result
 * when it is quick and with "working on it" when it is not. A deadline of 0 or less has already
 * passed: the answer is "not done" without waiting, however fast the work.
 */
export const within = async <T>(
  work: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> => {
  if (ms <= 0) return { done: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
};
