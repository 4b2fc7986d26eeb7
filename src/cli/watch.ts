/**
 * `cloudwarden watch --queue sqs://QUEUE_URL`: the long-running form (src/watch, docs/watch.md). Exit codes: 0 the
 * run ended cleanly (Ctrl-C, SIGTERM, or --drain on an empty queue); 1 something was not delivered, not rescanned or
 * not readable (its messages stay on the queue); 2 usage.
 */
import type { Command } from 'commander';
import type { Exits } from './exits.ts';
import { addAwsOptions, addQuietOption, addSinkOptions, dbOption, repeatable } from './options.ts';
import type { WatchOptions } from '../watch/config.ts';
import { watchCommand } from '../watch/run-watch.ts';

export function registerWatchCommand(program: Command, exits: Exits): void {
  const command = program
    .command('watch')
    .description(
      'consume CloudTrail notifications from SQS: alerts to the sinks and the store, and a rescan of every bucket an event changed (new and resolved findings to the sinks)',
    )
    .option(
      '--config <file>',
      'watch.yaml: queue, region, db, state, spool, rules, routed sinks, schedules and malware (upload scanning) (docs/watch.md); flags win',
    )
    .option('--queue <sqs://QUEUE_URL>', 'the SQS queue announcing CloudTrail log files (as detect --source sqs://)')
    .option(
      '--rules <file|dir>',
      'Falco or Sigma rule file or directory (repeatable); added to the built-in packs',
      repeatable,
    )
    .option('--no-builtin', 'do not load the built-in rule packs')
    .option('--state <file>', "keep the stateful rules' state in this file between runs")
    .option(
      '--schedule <cron>',
      "full scan of the credentials' account into the store at these times: 'CRON [TIME_ZONE]', e.g. '0 2 * * * Europe/Berlin' (UTC by default); several watch processes on one PostgreSQL store run each planned scan once",
    )
    .option(
      '--metrics-port <[host:]port>',
      'serve /healthz and /metrics (Prometheus text) on this port, on 127.0.0.1 unless a host is given',
    )
    .option('--log-format <format>', 'text (default) or json: one JSON object per line on stderr')
    .option('--drain', 'exit when the queue is empty instead of polling on')
    .option('--webhook <url>', 'POST each alert and finding notice as JSON to this URL (same as --sink webhook:URL)')
    .addOption(dbOption('record rescans and alerts in this store (default: in memory, for the run only)'));
  addSinkOptions(command);
  addAwsOptions(addQuietOption(command, 'no statistics line on stderr'), {
    description: 'home region for S3, STS and the sinks (the queue is asked in the region of its URL)',
  }).action(
    exits(async (options: WatchOptions) => watchCommand(options, { stdout: process.stdout, stderr: process.stderr })),
  );
}
