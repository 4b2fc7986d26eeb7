/** `cloudwarden history ARN`: every change of every check on one resource, oldest first. */
import type { Command } from 'commander';
import { UserError } from '../errors.ts';
import { escapeControl } from '../report/escape.ts';
import { resourceHistory } from '../store/queries.ts';
import type { Exits } from './exits.ts';
import { addFormatOption } from './options.ts';
import type { DbOption } from './store-option.ts';
import { addStoreReadOption, withStoreToRead } from './store-reading.ts';

interface HistoryOptions extends DbOption {
  format: string;
}

export async function showHistory(arn: string, options: HistoryOptions): Promise<number> {
  if (options.format !== 'table' && options.format !== 'json') {
    throw new UserError(`unknown format "${options.format}" (use table, json)`, { field: '--format' });
  }
  const entries = await withStoreToRead(options, (store) => resourceHistory(store, arn));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ resourceArn: arn, changes: entries }, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    process.stdout.write(`no stored finding for ${escapeControl(arn)} (it never failed, or was never scanned)\n`);
    return 0;
  }
  const lines = entries.map(
    (e) =>
      `${e.at.slice(0, 19).replace('T', ' ')}  scan ${String(e.scanId).padEnd(5)} ${e.checkId.padEnd(40)} ${(e.verdict === 'deleted' ? 'resource deleted' : e.verdict).padEnd(16)} ${escapeControl(e.message)}`,
  );
  process.stdout.write(`${escapeControl(arn)}\n${lines.join('\n')}\n`);
  return 0;
}

export function registerHistoryCommand(program: Command, exits: Exits): void {
  const command = program
    .command('history')
    .description('every change of every check on one resource, from the results store')
    .argument('<arn>', 'the resource ARN');
  addStoreReadOption(addFormatOption(command, ['table', 'json'], 'table'));
  command.action(exits(async (arn: string, options: HistoryOptions) => showHistory(arn, options)));
}
