/**
 * `cloudwarden detect`: Falco-compatible rules on CloudTrail logs (files, directories, stdin, s3://, sqs://).
 * Exit codes: 0 the run was clean (alerts or not); 1 the run was not clean (bad records or inputs, alerts that
 * an output did not accept: webhook failures, a closed stdout pipe); 2 usage, a rule file error, a missing source,
 * --strict on a bad record, or AWS access failures; 3 internal error.
 */
import { openStoreToWrite, type DbOption } from './store-option.ts';
import { StoreAlertSink } from '../store/alerts.ts';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import type { Exits } from './exits.ts';
import {
  addAwsOptions,
  addFormatOption,
  addOutputOption,
  addQuietOption,
  addSinkOptions,
  dbOption,
  repeatable,
} from './options.ts';
import {
  compileMatcher,
  formatDiagnostic,
  loadRules,
  serializeRuleSources,
  type Priority,
} from '../detect/engine/index.ts';
import { engineRecipe } from '../detect/pipeline/matcher-recipe.ts';
import { runDetection } from '../detect/pipeline/run-detection.ts';
import { atLeastPriority, parsePriority, PRIORITIES } from '../detect/rules/definitions.ts';
import { writeToAll, type AlertSink } from '../detect/sinks/alert-sink.ts';
import { openFileSink, StreamSink, type AlertFormat } from '../detect/sinks/stream-sink.ts';
import { StatefulStage } from '../detect/stateful/stage.ts';
import { loadState, saveState } from '../detect/stateful/state-file.ts';
import type { DetectAwsClients } from '../detect/sources/aws-clients.ts';
import { Checkpoint, checkPath, inWindow, makeWindow, openSources, parseSource } from '../detect/sources/index.ts';
import { inputAt } from '../detect/sources/local-files.ts';
import { EXIT, UserError } from '../errors.ts';
import { hasSinks, openNotifier, type OpenedNotifier } from '../notify/open.ts';
import { escapeControl } from '../report/escape.ts';

export interface DetectOptions extends DbOption {
  rules?: string[];
  builtin?: boolean;
  source?: string[];
  format?: string;
  since?: string;
  until?: string;
  outputFile?: string;
  webhook?: string;
  webhookTimeout?: string;
  sink?: string[];
  spool?: string;
  checkpoint?: string;
  state?: string;
  resetState?: boolean;
  strict?: boolean;
  drain?: boolean;
  workers?: string;
  minPriority?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  quiet?: boolean;
}

export interface DetectIo {
  stdout: Writable;
  stderr: { write(chunk: string): unknown };
  stdin?: AsyncIterable<Uint8Array>;
  /** tests hand in clients wired to mocks; otherwise built from --profile/--region */
  aws?: DetectAwsClients;
  /** aborting it ends an sqs:// or stdin run cleanly (SIGINT/SIGTERM do it for the CLI) */
  controller?: AbortController;
  /** the sinks' first retry delay (tests shorten it) */
  webhookBackoffMs?: number;
}

export async function detectCommand(options: DetectOptions, io: DetectIo): Promise<number> {
  const format = requireFormat(options.format ?? 'text');
  const specs = (options.source ?? []).map(parseSource);
  if (specs.length === 0)
    throw new UserError('no --source given (a log file, a directory, -, s3://bucket/prefix or sqs://QUEUE_URL)', {
      field: '--source',
    });
  if (specs.filter((s) => s.kind === 'stdin').length > 1)
    throw new UserError('stdin (-) can be read only once', { field: '--source' });
  const window = makeWindow(options.since, options.until);
  const workers = requireWorkers(options.workers);
  const minPriority = requirePriority(options.minPriority);
  for (const spec of specs) if (spec.kind === 'path') await checkPath(spec.path);
  if (options.outputFile) {
    // opening the output truncates it: an input it names would be lost before a single event of it is read
    const input = await inputAt(
      options.outputFile,
      specs.flatMap((s) => (s.kind === 'path' ? [s.path] : [])),
    );
    if (input !== undefined)
      throw new UserError(`--output ${options.outputFile} would overwrite the input ${input}`, { field: '--output' });
  }
  if (options.resetState && !options.state)
    throw new UserError('--reset-state needs --state', { field: '--reset-state' });
  if (options.checkpoint && !specs.some((s) => s.kind === 's3'))
    throw new UserError('--checkpoint needs an s3:// source', { field: '--checkpoint' });
  const checkpoint = options.checkpoint ? await Checkpoint.open(options.checkpoint) : undefined;
  const timeoutMs = sinkTimeout(options);

  let aws = io.aws;
  const awsClients = async (): Promise<DetectAwsClients> =>
    (aws ??= await (
      await import('../detect/sources/aws-clients.ts')
    ).detectAwsClients({
      ...(options.region ? { homeRegion: options.region } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    }));
  // rules first: a rule file error exits 2 before any event is read
  const remote = async (uri: string) =>
    (await import('../detect/sources/s3-rules.ts')).readS3RuleSources((await awsClients()).s3(), uri);
  let rules;
  try {
    rules = await loadRules({ builtin: options.builtin !== false, files: options.rules ?? [], remote });
  } catch (error) {
    if (!io.aws) aws?.destroy();
    throw error;
  }
  for (const warning of rules.warnings) io.stderr.write(`${escapeControl(formatDiagnostic(warning))}\n`);
  if (rules.rules.length === 0)
    throw new UserError('no rules loaded (--no-builtin without --rules?)', { field: '--rules' });
  const matcher = compileMatcher(rules);
  const stateful = new StatefulStage(rules.rules);
  if (options.state && !options.resetState)
    await loadState(options.state, stateful, (line) => io.stderr.write(`note: ${escapeControl(line)}\n`));

  let notify: OpenedNotifier | undefined;
  try {
    notify = await openNotifier(options, {
      aws: awsSettings(options),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(io.webhookBackoffMs !== undefined ? { baseDelayMs: io.webhookBackoffMs } : {}),
      log: (line) => io.stderr.write(`note: ${escapeControl(line)}\n`),
    });
  } catch (error) {
    if (!io.aws) aws?.destroy();
    throw error;
  }
  const store = await openStoreToWrite(options);
  const sinks: AlertSink[] = [
    options.outputFile ? await openFileSink(options.outputFile, format) : new StreamSink(io.stdout, format, false),
    ...(notify?.notifier.alertSinks() ?? []),
    ...(store ? [new StoreAlertSink(store)] : []),
  ];

  const controller = io.controller ?? new AbortController();
  const stop = (): void => controller.abort();
  // a queue is polled forever: the first Ctrl-C / SIGTERM ends it cleanly (a second one kills as usual)
  const signals = io.controller || !specs.some((s) => s.kind === 'sqs') ? [] : (['SIGINT', 'SIGTERM'] as const);
  for (const signal of signals) process.once(signal, stop);
  let problems = 0;
  try {
    const stats = await runDetection(
      openSources(specs, {
        window,
        aws: awsClients,
        checkpoint,
        drain: options.drain === true,
        signal: controller.signal,
        stdin: io.stdin,
        log: (line) => {
          problems++;
          io.stderr.write(`warning: ${escapeControl(line)}\n`);
        },
      }),
      {
        matcher,
        recipe: engineRecipe(serializeRuleSources(rules)),
        workers,
        stateful,
        strict: options.strict === true,
        keepAlert: (alert) =>
          inWindow(window, alert.time) && (minPriority === undefined || atLeastPriority(alert.priority, minPriority)),
        onAlert: (alert) => writeToAll(sinks, alert),
        // problem lines name inputs (file names, S3 keys) and quote bad records: one line each, no terminal controls
        onProblem: (line) => io.stderr.write(`warning: ${escapeControl(line)}\n`),
        controller,
      },
    );
    for (const sink of sinks) await sink.close();
    const extras = sinks.flatMap((s) => (s.summary ? [s.summary()] : []));
    if (!options.quiet) io.stderr.write(`${stats.format([`${matcher.ruleCount} rules`, ...extras])}\n`);
    const failures = sinks.flatMap((s) => s.failure?.() ?? []);
    for (const line of failures) io.stderr.write(`${escapeControl(line)}\n`);
    if (options.state) {
      // saved only once every alert was delivered: inputs with undelivered alerts are read again next run, and
      // state that had already counted them would swallow their alerts (a burst alerted once stays quiet)
      if (failures.length === 0) await saveState(options.state, stateful);
      else
        io.stderr.write(
          `warning: ${escapeControl(`state not saved to ${options.state}: some alerts were not delivered`)}\n`,
        );
    }
    const clean = stats.bad === 0 && problems === 0 && failures.length === 0;
    return clean ? EXIT.ok : EXIT.findings;
  } finally {
    for (const signal of signals) process.removeListener(signal, stop);
    await notify?.notifier.close();
    notify?.destroy();
    if (!io.aws) aws?.destroy();
  }
}

function awsSettings(options: DetectOptions) {
  return {
    ...(options.region ? { homeRegion: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
  };
}

/** `--webhook-timeout`: the per-request timeout of the webhook and Slack sinks, in ms. */
function sinkTimeout(options: DetectOptions): number | undefined {
  if (options.webhookTimeout === undefined) return undefined;
  if (!hasSinks(options)) throw new UserError('--webhook-timeout needs --webhook', { field: '--webhook-timeout' });
  const seconds = Number(options.webhookTimeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) {
    throw new UserError(`"${options.webhookTimeout}" is not a number of seconds (more than 0, at most 300)`, {
      field: '--webhook-timeout',
    });
  }
  return seconds * 1000;
}

function requireFormat(format: string): AlertFormat {
  if (format !== 'text' && format !== 'json' && format !== 'table')
    throw new UserError(`unknown format "${format}" (use text, json, table)`, { field: '--format' });
  return format;
}

function requirePriority(text: string | undefined): Priority | undefined {
  if (text === undefined) return undefined;
  const priority = parsePriority(text);
  if (!priority)
    throw new UserError(`"${text}" is not a priority (${PRIORITIES.map((p) => p.toLowerCase()).join(', ')})`, {
      field: '--min-priority',
    });
  return priority;
}

function requireWorkers(text: string | undefined): number {
  if (text === undefined) return Math.min(Math.max(availableParallelism() - 1, 1), 7);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new UserError(`"${text}" is not a number of worker threads (0-64)`, { field: '--workers' });
  return n;
}

export function registerDetectCommand(program: Command, exits: Exits): void {
  const command = program
    .command('detect')
    .description(
      'run Falco-compatible rules on CloudTrail logs (files, directories, stdin, s3://, sqs://) and print alerts',
    )
    .option(
      '--rules <file|dir|s3://bucket/prefix>',
      'Falco or Sigma rule file, or directory / S3 prefix of *.yaml and *.yml (repeatable); added to the built-in packs',
      repeatable,
    )
    .option('--no-builtin', 'do not load the built-in rule packs')
    .option(
      '--source <src>',
      'log file (.json, .json.gz, JSON Lines), directory, - (stdin), s3://bucket/prefix, sqs://QUEUE_URL (repeatable)',
      repeatable,
    )
    .option(
      '--since <time>',
      'only events at or after this time (ISO 8601, or 30m, 24h, 7d ago); S3 keys and directories by their date',
    )
    .option('--until <time>', 'only events before this time')
    // the flag's first name, kept for scripts written before -o/--output was shared by every command
    .addOption(new Option('--output-file <file>', 'same as --output').hideHelp())
    .option(
      '--webhook <url>',
      'POST each alert as JSON to this URL, the same as --sink webhook:URL (retries with backoff; an SQS message is deleted only once its alerts got a 2xx)',
    )
    .option('--webhook-timeout <seconds>', 'per-request timeout of --webhook (default 10)')
    .option(
      '--checkpoint <file>',
      's3:// sources: remember the objects read (per account, region and day), and read only new ones on the next run',
    )
    .option(
      '--state <file>',
      "keep the stateful rules' windows, first-seen history and open sequences in this file between runs (written once every alert was delivered)",
    )
    .option(
      '--reset-state',
      'with --state: ignore what the state file holds (a corrupt or foreign one is an error otherwise) and start afresh',
    )
    .option(
      '--min-priority <level>',
      'drop alerts below this priority: emergency, alert, critical, error, warning, notice, informational (or info), debug',
    )
    .option('--strict', 'stop at the first bad record (exit 2)')
    .option('--drain', 'sqs:// sources: exit when the queue is empty instead of polling on')
    .option(
      '--workers <n>',
      'worker threads besides the main thread for large inputs (default: CPU cores - 1, at least 1; 0: main thread only)',
    );
  addSinkOptions(command);
  command.addOption(dbOption('also store the alerts, once per event and rule (see docs/store.md)'));
  addAwsOptions(
    addQuietOption(
      addOutputOption(
        addFormatOption(
          command,
          ['text', 'json', 'table'],
          'text',
          ' (text: Falco alert lines; json: one object per line)',
        ),
        'write alerts to this file instead of stdout',
      ),
      'no statistics line on stderr (warnings and errors still)',
    ),
    {
      description:
        "AWS region for S3 calls (default: AWS_REGION or the profile's, else us-east-1; a bucket elsewhere is followed by redirect)",
    },
  ).action(
    exits(async (options: DetectOptions & { output?: string }) => {
      if (options.output && options.outputFile && options.output !== options.outputFile) {
        throw new UserError('--output and --output-file name the same flag: give one', { field: '--output' });
      }
      const { output, ...rest } = options;
      return detectCommand(
        { ...rest, ...(output ? { outputFile: output } : {}) },
        { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
      );
    }),
  );
}
