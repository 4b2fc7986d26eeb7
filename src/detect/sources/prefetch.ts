/**
 * Runs `fn` on up to `concurrency` items ahead and yields the results in input order: hides GetObject latency.
 * It never waits on the source while a result is ready: an SQS long poll that has nothing more must not hold back
 * the message already received (watch's latency is seconds, not "once 8 more log files arrive").
 */
export async function* prefetchOrdered<T, R>(
  items: AsyncIterable<T>,
  fn: (item: T) => Promise<R>,
  concurrency: number,
): AsyncGenerator<R> {
  const ahead: Promise<R>[] = [];
  const iterator = items[Symbol.asyncIterator]();
  let done = false;
  let pulling: Promise<IteratorResult<T>> | undefined;
  const take = (next: IteratorResult<T>): void => {
    pulling = undefined;
    if (next.done) {
      done = true;
      return;
    }
    const started = fn(next.value);
    started.catch(() => undefined); // awaited in order below
    ahead.push(started);
  };
  try {
    for (;;) {
      while (!done && ahead.length < concurrency) {
        pulling ??= iterator.next();
        const head = ahead[0];
        if (!head) {
          take(await pulling);
          continue;
        }
        // the next item or the head's result, whichever comes first
        const first = await Promise.race([
          pulling.then((next) => ({ next })),
          head.then(
            () => undefined,
            () => undefined,
          ),
        ]);
        if (!first) break;
        take(first.next);
      }
      const head = ahead.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}
