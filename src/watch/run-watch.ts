/**
 * `cloudwarden watch`: CloudTrail notifications from SQS through detect's own source and engine; alerts to stdout,
 * the store and the sinks; events that change a bucket (the checks' `triggers`) rescan that bucket into the store
 * and send its new and resolved findings. A message is deleted only once every alert of it was stored and taken by
 * every sink and every rescan it asked for was recorded and notified (the source's settle rule: at least once).
 * Schedules (`--schedule`, `schedules:`) run full scans into the store beside the queue, or alone.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Writable } from 'node:stream';
import { AwsClients, type AwsClientOptions } from '../aws/clients.ts';
import { CHECKS } from '../checks/catalogue.ts';
import {
  compileMatcher,
  formatDiagnostic,
  loadRules,
  loadRulesFromSources,
  serializeRuleSources,
} from '../detect/engine/index.ts';
import { engineRecipe } from '../detect/pipeline/matcher-recipe.ts';
import { runDetection } from '../detect/pipeline/run-detection.ts';
import { DetectionStats } from '../detect/pipeline/stats.ts';
import { writeToAll, type AlertSink } from '../detect/sinks/alert-sink.ts';
import { StreamSink } from '../detect/sinks/stream-sink.ts';
import { StatefulStage } from '../detect/stateful/stage.ts';
import { loadState, saveState } from '../detect/stateful/state-file.ts';
import { detectAwsClients } from '../detect/sources/aws-clients.ts';
import { makeWindow, openSources, parseSource } from '../detect/sources/index.ts';
import { queueDepth } from '../detect/sources/sqs-queue.ts';
import { EXIT, UserError } from '../errors.ts';
import { describeTarget } from '../malware/verdict.ts';
import { formatMalwareWatchStats, prepareMalwareWatch, verdictRecorder } from '../malware/watch-run.ts';
import type { PreparedMalwareWatch } from '../malware/watch-run.ts';
import type { WatchStats } from '../malware/watch.ts';
import { malwareNotice, type Notice } from '../notify/notice.ts';
import { openNotifier } from '../notify/open.ts';
import { openStore, type StoreDb } from '../store/open.ts';
import { parseStoreUrl } from '../store/url.ts';
import { defaultStorePath } from '../store/url.ts';
import { StoreAlertSink } from './alert-store.ts';
import { parseLogFormat, watchLog } from './log.ts';
import { parseMetricsAddress, WatchMetrics } from './metrics.ts';
import { loadWatchConfig, schedulesOf, type WatchMalware, type WatchOptions } from './config.ts';
import { rescanRequest, rescanRuleSource } from './rescan-rule.ts';
import { Rescanner } from './rescanner.ts';
import { realClock, runSchedule, type ScheduleClock, type ScheduleSpec } from './schedule.ts';
import { ScheduleLock } from './schedule-lock.ts';
import { runScheduledScan } from './scheduled-scan.ts';

export interface WatchIo {
  stdout: Writable;
  stderr: { write(chunk: string): unknown };
  /** aborting it ends the run cleanly (SIGINT/SIGTERM do it for the CLI) */
  controller?: AbortController;
  /** how long a rescan waits for more changes to its bucket (tests: 0) */
  rescanSettleMs?: number;
  env?: NodeJS.ProcessEnv;
  /** the schedules' clock (tests: a fake one they move) */
  clock?: ScheduleClock;
  /** SQS visibility asked for and how often it is renewed while a message is in work (tests shorten it) */
  sqsVisibility?: { seconds: number; everyMs?: number };
  /** told the metrics server's base URL once it listens (tests use port 0) */
  onMetrics?: (url: string) => void;
}

function queueSpec(text: string) {
  const spec = parseSource(text.startsWith('sqs://') ? text : `sqs://${text}`);
  if (spec.kind !== 'sqs') throw new UserError(`"${text}" is not sqs://QUEUE_URL`, { field: '--queue' });
  return spec;
}

/** --db / CLOUDWARDEN_DB; without either, an in-memory store: new and resolved still work for the process's life. */
async function watchStore(options: WatchOptions, env: NodeJS.ProcessEnv): Promise<StoreDb> {
  if (options.db === true) return openStore({ engine: 'sqlite', path: defaultStorePath() });
  if (options.db !== undefined) return openStore(parseStoreUrl(options.db));
  if (env.CLOUDWARDEN_DB) return openStore(parseStoreUrl(env.CLOUDWARDEN_DB, 'CLOUDWARDEN_DB'));
  return openStore({ engine: 'sqlite', path: ':memory:' });
}

/**
 * Uploads scanned as `malware watch` does: each verdict recorded (JSON line with `output:`, the store unless
 * `store: false`) and, when not clean, sent to the sinks as a `malware` notice, before its message is deleted.
 */
function runUploadScans(
  malware: PreparedMalwareWatch,
  settings: WatchMalware,
  io: {
    drain: boolean;
    signal: AbortSignal;
    store: StoreDb;
    notify: (notice: Notice) => Promise<boolean>;
    log: (line: string) => void;
  },
): Promise<WatchStats> {
  const recorded = verdictRecorder({
    ...(settings.output ? { output: settings.output } : {}),
    ...(settings.store ? { store: io.store } : {}),
  });
  return malware.run({
    drain: io.drain,
    signal: io.signal,
    record: async (entry) => {
      await recorded(entry);
      const { verdict } = entry;
      if (verdict.verdict !== 'clean')
        io.log(
          `malware: ${describeTarget(verdict.target)}: ${verdict.verdict}${verdict.signature ? ` (${verdict.signature})` : ''}${verdict.quarantine?.status === 'done' ? ', quarantined' : ''}`,
        );
    },
    notify: (verdict) => io.notify(malwareNotice(verdict)),
    log: (line) => io.log(`malware: ${line}`),
  });
}

export async function watchCommand(flags: WatchOptions, io: WatchIo): Promise<number> {
  const config = flags.config ? await loadWatchConfig(flags.config, flags) : undefined;
  const options = config?.options ?? flags;
  const schedules = schedulesOf(options, config);
  const malwareSettings = config?.malware;
  if (!options.queue && schedules.length === 0 && !malwareSettings)
    throw new UserError(
      'nothing to watch: give --queue sqs://QUEUE_URL or --schedule CRON (or queue:/schedules:/malware: in --config)',
      {
        field: '--queue',
      },
    );
  const spec = options.queue ? queueSpec(options.queue) : undefined;
  const env = io.env ?? process.env;
  const log = watchLog(parseLogFormat(options.logFormat), io.stderr);
  const note = (line: string): void => log('info', line);
  const warn = (line: string): void => log('warn', line);
  const metricsAddress = options.metricsPort !== undefined ? parseMetricsAddress(options.metricsPort) : undefined;
  const aws: AwsClientOptions = {
    ...(options.region ? { homeRegion: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
  };
  const base = await loadRules({ builtin: options.builtin !== false, files: options.rules ?? [] });
  for (const warning of base.warnings) warn(formatDiagnostic(warning));
  const trigger = rescanRuleSource(CHECKS);
  const rules = loadRulesFromSources([...serializeRuleSources(base), ...(trigger ? [trigger] : [])]);
  const matcher = compileMatcher(rules);
  const stateful = new StatefulStage(rules.rules);
  if (options.state) await loadState(options.state, stateful, note);

  const store = await watchStore(options, env);
  const cleanup: (() => Promise<void> | void)[] = [() => store.db.destroy()];
  try {
    const notify = await openNotifier(options, { aws, log: note, env }, config?.sinks);
    if (notify)
      cleanup.unshift(async () => {
        await notify.notifier.close();
        notify.destroy();
      });
    const detectAws = await detectAwsClients(aws);
    cleanup.unshift(() => detectAws.destroy());
    const clients = await AwsClients.create(aws);
    cleanup.unshift(() => clients.destroy());
    // clamd checked now: a watch that cannot scan uploads stops before any message is read
    const malware = malwareSettings ? await prepareMalwareWatch(malwareSettings, aws) : undefined;
    if (malware) cleanup.unshift(() => malware.destroy());
    const detectionStats = new DetectionStats();
    let rescanStats = { done: 0, failed: 0, coalesced: 0 };
    const metrics = new WatchMetrics({
      events: () => detectionStats.events,
      rescans: () => rescanStats,
      ...(spec ? { queueDepth: () => queueDepth(detectAws.sqs(spec.region), spec.queueUrl) } : {}),
    });
    if (metricsAddress) {
      const served = await metrics.serve(metricsAddress);
      cleanup.unshift(served.close);
      note(`metrics: ${served.url}/metrics, health: ${served.url}/healthz`);
      io.onMetrics?.(served.url);
    }
    const counted = (accepted: Promise<boolean>): Promise<boolean> =>
      accepted.then((ok) => {
        if (!ok) metrics.sinkFailures.inc();
        return ok;
      });
    const notifyNotice = async (notice: Notice): Promise<boolean> =>
      notify ? counted(notify.notifier.notify(notice).then((n) => n.accepted)) : true;
    const rescanner = new Rescanner({
      clients,
      store,
      checks: CHECKS,
      notify: notifyNotice,
      log: note,
      ...(io.rescanSettleMs !== undefined ? { settleMs: io.rescanSettleMs } : {}),
    });
    rescanStats = rescanner.stats;
    const sinks: AlertSink[] = [
      new StreamSink(io.stdout, 'text', false),
      new StoreAlertSink(store),
      ...(notify?.notifier.alertSinks() ?? []),
    ];
    const controller = io.controller ?? new AbortController();
    const stop = (): void => controller.abort();
    const signals = io.controller ? [] : (['SIGINT', 'SIGTERM'] as const);
    for (const signal of signals) process.once(signal, stop);
    // the schedules stop with the run, or when a --drain run found the queue empty
    const scheduleStop = new AbortController();
    controller.signal.addEventListener(
      'abort',
      () => {
        metrics.healthy = false;
        scheduleStop.abort();
      },
      { once: true },
    );
    const lock = new ScheduleLock(store, `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, () => new Date());
    const clock = io.clock ?? realClock;
    const fire = (schedule: ScheduleSpec) => async (slot: Date) => {
      const result = await lock.runOnce(schedule.name, slot, async () => {
        metrics.scansRunning.inc();
        try {
          return await runScheduledScan(schedule, {
            clients,
            clientOptions: aws,
            store,
            notify: notifyNotice,
            log: note,
            signal: scheduleStop.signal,
          });
        } finally {
          metrics.scansRunning.dec();
        }
      });
      metrics.scans.inc({ outcome: result.ran ? result.outcome.split(':')[0] : 'skipped' });
      scheduleStats[result.ran ? (result.outcome.startsWith('failed') ? 'failed' : 'ran') : 'skipped']++;
      if (!result.ran)
        note(
          `schedule ${schedule.name}: ${slot.toISOString()} ${result.why === 'busy' ? 'skipped: a run of it is still going (here or in another process)' : 'already run by another process'}`,
        );
      else if (result.outcome.startsWith('failed')) note(`schedule ${schedule.name}: ${result.outcome}`);
    };
    const scheduleStats = { ran: 0, failed: 0, skipped: 0 };
    const scheduled = Promise.all(schedules.map((s) => runSchedule(s, clock, scheduleStop.signal, fire(s))));
    if (schedules.length > 0)
      note(`schedules: ${schedules.map((s) => `${s.name} (${s.cron}, ${s.timezone})`).join('; ')}`);
    // the uploads' queue is read beside CloudTrail's; it stops with the run (or, with --drain, when it is empty)
    const malwareStop = new AbortController();
    controller.signal.addEventListener('abort', () => malwareStop.abort(), { once: true });
    let malwareError: Error | undefined;
    const malwareRun = malware
      ? runUploadScans(malware, malwareSettings!, {
          drain: options.drain === true,
          signal: malwareStop.signal,
          store,
          notify: notifyNotice,
          log: note,
        }).catch((error: unknown) => {
          malwareError = error instanceof Error ? error : new Error(String(error));
          controller.abort();
          return undefined;
        })
      : undefined;
    if (malware) note(`malware: watching ${malware.queueUrl} (${malware.clamd})`);
    let problems = 0;
    try {
      const stats = spec
        ? await runDetection(
            openSources([spec], {
              window: makeWindow(undefined, undefined),
              aws: async () => detectAws,
              drain: options.drain === true,
              signal: controller.signal,
              ...(io.sqsVisibility ? { sqsVisibility: io.sqsVisibility } : {}),
              log: (line) => {
                problems++;
                warn(line);
              },
            }),
            {
              matcher,
              recipe: engineRecipe(serializeRuleSources(rules)),
              workers: 0,
              stateful,
              strict: false,
              onAlert: (alert) => {
                const request = rescanRequest(alert);
                if (request) return { accepted: rescanner.request(request) };
                metrics.observeAlert(alert.time);
                return writeToAll(sinks, alert).then((handoff) => ({ accepted: counted(handoff.accepted) }));
              },
              onProblem: warn,
              controller,
              stats: detectionStats,
            },
          )
        : malwareRun && options.drain
          ? await malwareRun.then(() => undefined)
          : await new Promise<undefined>((resolve) => {
              if (controller.signal.aborted) resolve(undefined);
              controller.signal.addEventListener('abort', () => resolve(undefined), { once: true });
            });
      scheduleStop.abort();
      await scheduled;
      const malwareStats = await malwareRun;
      if (malwareError !== undefined) throw malwareError;
      for (const sink of sinks) await sink.close();
      const r = rescanner.stats;
      const extras = [
        `${matcher.ruleCount} rules`,
        ...sinks.flatMap((s) => (s.summary ? [s.summary()] : [])),
        `rescans: ${r.done} done, ${r.failed} failed, ${r.coalesced} coalesced; ${r.opened} findings new, ${r.closed} resolved`,
        ...(schedules.length > 0
          ? [
              `scheduled scans: ${scheduleStats.ran} ran, ${scheduleStats.failed} failed, ${scheduleStats.skipped} left to another process`,
            ]
          : []),
        ...(malwareStats ? [`malware: ${formatMalwareWatchStats(malwareStats)}`] : []),
      ];
      if (!options.quiet) note(stats ? stats.format(extras) : `watch: ${extras.join('; ')}`);
      const failures = sinks.flatMap((s) => s.failure?.() ?? []);
      for (const line of failures) log('error', line);
      if (options.state) {
        if (failures.length === 0) await saveState(options.state, stateful);
        else warn(`state not saved to ${options.state}: some alerts were not delivered`);
      }
      const clean =
        (stats?.bad ?? 0) === 0 &&
        problems === 0 &&
        failures.length === 0 &&
        r.failed === 0 &&
        scheduleStats.failed === 0 &&
        (malwareStats?.failed ?? 0) === 0 &&
        (malwareStats?.unfinished ?? 0) === 0;
      return clean ? EXIT.ok : EXIT.findings;
    } finally {
      scheduleStop.abort();
      malwareStop.abort();
      await scheduled.catch(() => undefined);
      await malwareRun;
      for (const signal of signals) process.removeListener(signal, stop);
    }
  } finally {
    for (const step of cleanup) await step();
  }
}
