/**
 * What the commands call: the sinks of `--sink`, `--webhook`, `--sink-config` and `--spool`, opened (spool replayed)
 * and ready.
 */
import { readLocatedYaml, type LocatedYaml } from '../config/located-yaml.ts';
import { UserError } from '../errors.ts';
import type { Notifier, NotifierOptions, SinkSetup } from './notifier.ts';
import { setupEntries, sinkEntries } from './sink-config.ts';
import type { SinkContext } from './sinks.ts';

export interface SinkFlags {
  sink?: string[];
  /** `--webhook URL`: the same as `--sink webhook:URL` */
  webhook?: string;
  /** a YAML file whose `sinks:` section lists sinks with their routes (watch.yaml's section, or a file of its own) */
  sinkConfig?: string;
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
  return (flags.sink?.length ?? 0) > 0 || flags.webhook !== undefined || flags.sinkConfig !== undefined;
}

/** The `sinks:` section of `file` (other sections, such as watch.yaml's, are left to whoever reads them). */
export async function readSinkSection(file: string): Promise<{ yaml: LocatedYaml; section: unknown }> {
  const yaml = await readLocatedYaml(file, 'sink config file');
  const data = yaml.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('sinks' in data))
    throw yaml.problem('expected a mapping with a "sinks:" list', []);
  return { yaml, section: data.sinks };
}

/** Undefined when no sink is configured. A bad sink is a UserError naming its flag, before anything is read. */
export async function openNotifier(
  flags: SinkFlags,
  options: OpenOptions,
  /** sinks already read from a config file (watch.yaml) */
  configured?: { yaml: LocatedYaml; section: unknown },
): Promise<OpenedNotifier | undefined> {
  const fromFile = configured ?? (flags.sinkConfig ? await readSinkSection(flags.sinkConfig) : undefined);
  const entries = fromFile ? sinkEntries(fromFile.yaml, fromFile.section) : [];
  if (!hasSinks(flags) && entries.length === 0) {
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
    if (fromFile) setups.push(...(await setupEntries(fromFile.yaml, entries, factory)));
    if (setups.length === 0) throw new UserError('no sinks listed', { field: '--sink-config' });
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
