export interface Interrupt {
  /** aborted by the first Ctrl-C */
  signal: AbortSignal;
  /** stop listening (the collection is over): Ctrl-C gets Node's default again */
  dispose(): void;
}

/**
 * The first Ctrl-C aborts `signal`: the collectors stop issuing calls, abort those in flight, and the command
 * writes what was collected. The listener removes itself as it runs, so a second Ctrl-C meets Node's default
 * SIGINT behaviour (no listener left): the process ends at once, as the message promises.
 */
export function onInterrupt(log: (line: string) => void): Interrupt {
  const controller = new AbortController();
  const interrupted = () => {
    log('interrupted: stopping the calls in flight and writing what was collected (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.once('SIGINT', interrupted);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', interrupted) };
}
