/** Runs `fn` on up to `concurrency` items ahead and yields the results in input order: hides GetObject latency. */
export async function* prefetchOrdered<T, R>(
  items: AsyncIterable<T>,
  fn: (item: T) => Promise<R>,
  concurrency: number,
): AsyncGenerator<R> {
  const ahead: Promise<R>[] = [];
  const iterator = items[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      while (!done && ahead.length < concurrency) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const started = fn(next.value);
        started.catch(() => undefined); // awaited in order below
        ahead.push(started);
      }
      const head = ahead.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}
