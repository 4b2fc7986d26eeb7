/** `cloudwarden db`: looking after the results store (list scans, retention). */
import type { Command } from 'commander';
import { escapeControl } from '../report/escape.ts';
import { UserError } from '../errors.ts';
import { acceptFileText, listAcceptances } from '../store/acceptances.ts';
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

interface AcceptancesOptions extends DbOption {
  format: string;
}

/** The store's acceptances: a list to read, or the dashboard's as an accept file to commit. */
export async function acceptances(options: AcceptancesOptions, now: Date = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  if (options.format === 'accept-file') {
    process.stdout.write(await withStoreToRead(options, (store) => acceptFileText(store, today)));
    return 0;
  }
  if (options.format !== 'table' && options.format !== 'json') {
    throw new UserError(`unknown format "${options.format}" (use table, json, accept-file)`, { field: '--format' });
  }
  const list = await withStoreToRead(options, (store) => listAcceptances(store, today));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const lines = list.map(
    (a) =>
      `${a.state.padEnd(9)} ${(a.expires ?? 'no end').padEnd(10)} ${a.checkId.padEnd(36)} ${escapeControl(a.resourceArn)}  by ${escapeControl(a.acceptedBy ?? '?')} in ${escapeControl(a.origin)}: ${escapeControl(a.reason)}`,
  );
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'nothing accepted\n');
  return 0;
}

export function registerDbCommand(program: Command, exits: Exits): void {
  const db = program
    .command('db')
    .description('look after the results store: list scans and acceptances, prune old data');
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
  addStoreReadOption(
    db
      .command('acceptances')
      .description(
        'accepted findings (accept files and dashboard), soonest expiry first; or the dashboard ones as an accept file',
      )
      .option('-f, --format <format>', 'table, json, or accept-file (docs/accept.md)', 'table'),
  ).action(exits(async (options: AcceptancesOptions) => acceptances(options)));
}
