/** What the commands call: the sinks of `--sink`, `--webhook` and `--spool`, opened (spool replayed) and ready. */
import { UserError } from '../errors.ts';
import type { Notifier, NotifierOptions, SinkSetup } from './notifier.ts';
import type { SinkContext } from './sinks.ts';

export interface SinkFlags {
  sink?: string[];
  /** `--webhook URL`: the same as `--sink webhook:URL` */
  webhook?: string;
  spool?: string;
}

export type OpenOptions = Omit<SinkContext, 'dashboardUrl' | 'webhookSecret'> &
  Pick<NotifierOptions, 'baseDelayMs' | 'sleep' | 'log' | 'dedupWindowMs'> & {
    env?: NodeJS.ProcessEnv;
  };

export interface OpenedNotifier {
  notifier: Notifier;
  /** closes the AWS clients the sinks created (after `notifier.close()`) */
  destroy(): void;
}

export function hasSinks(flags: SinkFlags): boolean {
  return (flags.sink?.length ?? 0) > 0 || flags.webhook !== undefined;
}

/** Undefined when no sink is configured. A bad sink is a UserError naming its flag, before anything is read. */
export async function openNotifier(flags: SinkFlags, options: OpenOptions): Promise<OpenedNotifier | undefined> {
  if (!hasSinks(flags)) {
    if (flags.spool !== undefined) throw new UserError('--spool needs a --sink', { field: '--spool' });
    return undefined;
  }
  // the sinks bring the AWS SDK clients (~150 ms of start-up): loaded only when a sink is asked for, not for every
  // `detect` that writes to stdout
  const [{ Notifier }, { DASHBOARD_URL_ENV, SinkFactory, WEBHOOK_SECRET_ENV }] = await Promise.all([
    import('./notifier.ts'),
    import('./sinks.ts'),
  ]);
  const env = options.env ?? process.env;
  const factory = new SinkFactory({
    ...options,
    ...(env[DASHBOARD_URL_ENV] ? { dashboardUrl: env[DASHBOARD_URL_ENV] } : {}),
    ...(env[WEBHOOK_SECRET_ENV] ? { webhookSecret: env[WEBHOOK_SECRET_ENV] } : {}),
  });
  try {
    const setups: SinkSetup[] = [];
    if (flags.webhook !== undefined) setups.push(await factory.setup(`webhook:${flags.webhook}`, '--webhook'));
    for (const text of flags.sink ?? []) setups.push(await factory.setup(text, '--sink'));
    const notifier = await Notifier.open({
      sinks: setups,
      ...(flags.spool ? { spoolDir: flags.spool } : {}),
      ...(options.baseDelayMs !== undefined ? { baseDelayMs: options.baseDelayMs } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.dedupWindowMs !== undefined ? { dedupWindowMs: options.dedupWindowMs } : {}),
    });
    return { notifier, destroy: () => factory.destroy() };
  } catch (error) {
    factory.destroy();
    throw error;
  }
}
