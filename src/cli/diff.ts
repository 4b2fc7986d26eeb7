/** `cloudwarden diff A B`: what changed between two stored scans (new, resolved, unchanged, newly unknown). */
import type { Command } from 'commander';
import { UserError } from '../errors.ts';
import { escapeControl } from '../report/escape.ts';
import { diffScans, type DiffEntry, type ScanDiff } from '../store/diff.ts';
import type { Exits } from './exits.ts';
import { addFormatOption } from './options.ts';
import type { DbOption } from './store-option.ts';
import { addStoreReadOption, parseScanId, withStoreToRead } from './store-reading.ts';

interface DiffOptions extends DbOption {
  format: string;
}

const SECTIONS: ReadonlyArray<readonly [keyof Omit<ScanDiff, 'from' | 'to'>, string]> = [
  ['new', 'new'],
  ['resolved', 'resolved'],
  ['newlyUnknown', 'newly unknown'],
  ['unchanged', 'unchanged'],
];

function line(e: DiffEntry): string {
  const change = `${e.before ?? '-'} -> ${e.after === 'deleted' ? 'resource deleted' : (e.after ?? '-')}`;
  return `  ${e.severity.padEnd(8)} ${e.checkId.padEnd(40)} ${escapeControl(e.resourceArn)}  (${change})`;
}

function text(diff: ScanDiff): string {
  const head = `scan ${diff.from.id} (${diff.from.startedAt}) -> scan ${diff.to.id} (${diff.to.startedAt})`;
  const counts = SECTIONS.map(([key, label]) => `${diff[key].length} ${label}`).join(', ');
  const body = SECTIONS.filter(([key]) => key !== 'unchanged' && diff[key].length > 0).map(
    ([key, label]) => `${label}:\n${diff[key].map(line).join('\n')}`,
  );
  return [head, counts, ...body].join('\n') + '\n';
}

export async function showDiff(from: string, to: string, options: DiffOptions): Promise<number> {
  if (options.format !== 'table' && options.format !== 'json') {
    throw new UserError(`unknown format "${options.format}" (use table, json)`, { field: '--format' });
  }
  const diff = await withStoreToRead(options, (store) => diffScans(store, parseScanId(from), parseScanId(to)));
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : text(diff));
  return 0;
}

export function registerDiffCommand(program: Command, exits: Exits): void {
  const command = program
    .command('diff')
    .description('what changed between two stored scans: new, resolved, newly unknown, unchanged failures')
    .argument('<from>', 'the earlier scan number (`cloudwarden db scans` lists them)')
    .argument('<to>', 'the later scan number');
  addStoreReadOption(addFormatOption(command, ['table', 'json'], 'table'));
  command.action(exits(async (from: string, to: string, options: DiffOptions) => showDiff(from, to, options)));
}
