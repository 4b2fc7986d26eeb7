/** `cloudwarden db`: looking after the results store (list scans, retention). */
import type { Command } from 'commander';
import { escapeControl } from '../report/escape.ts';
import { pruneStore } from '../store/prune.ts';
import { listScans } from '../store/queries.ts';
import type { Exits } from './exits.ts';
import type { DbOption } from './store-option.ts';
import { addStoreReadOption, timeAgo, withStoreToRead } from './store-reading.ts';

interface PruneOptions extends DbOption {
  olderThan: string;
}

interface ScansOptions extends DbOption {
  limit: string;
}

export async function prune(options: PruneOptions, now: Date = new Date()): Promise<number> {
  const cutoff = timeAgo(options.olderThan, '--older-than', now);
  const counts = await withStoreToRead(options, (store) => pruneStore(store, cutoff));
  process.stdout.write(
    `removed what ended before ${cutoff}: ${counts.scans} scans, ${counts.findings} resolved findings with their history, ${counts.alerts} alerts, ${counts.malwareVerdicts} malware verdicts, ${counts.vulnFindings} vulnerability findings\n`,
  );
  return 0;
}

export async function scans(options: ScansOptions): Promise<number> {
  const limit = Number(options.limit);
  const list = await withStoreToRead(options, (store) =>
    listScans(store, Number.isInteger(limit) && limit > 0 ? limit : 20),
  );
  const lines = list.map(
    (s) =>
      `${String(s.id).padEnd(6)} ${s.startedAt}  ${s.source.padEnd(14)} ${s.accounts.join(',')}  ${s.resultCount} results${s.partial ? '  PARTIAL' : ''}  by ${escapeControl(s.startedBy)}`,
  );
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'no scans stored\n');
  return 0;
}

export function registerDbCommand(program: Command, exits: Exits): void {
  const db = program.command('db').description('look after the results store: list scans, prune old data');
  addStoreReadOption(
    db
      .command('scans')
      .description('the most recent stored scans, newest first (the numbers `diff` takes)')
      .option('--limit <n>', 'how many', '20'),
  ).action(exits(async (options: ScansOptions) => scans(options)));
  addStoreReadOption(
    db
      .command('prune')
      .description('remove scans, resolved findings, alerts and verdicts older than a duration (open findings stay)')
      .requiredOption('--older-than <age>', 'e.g. 400d'),
  ).action(exits(async (options: PruneOptions) => prune(options)));
}
