/** Shared by the commands that read the store (`findings`, `history`, `diff`, `db`): opening it and their flags. */
import type { Command } from 'commander';
import { parseDuration } from '../detect/stateful/definition.ts';
import { UserError } from '../errors.ts';
import { openStore, type StoreDb } from '../store/open.ts';
import { dbOption } from './options.ts';
import { storeToRead, type DbOption } from './store-option.ts';

export function addStoreReadOption(command: Command): Command {
  return command.addOption(dbOption('the results store to read'));
}

/** Runs `action` on the store --db (or CLOUDWARDEN_DB, or the default file) names, closing it afterwards. */
export async function withStoreToRead<T>(options: DbOption, action: (store: StoreDb) => Promise<T>): Promise<T> {
  const store = await openStore(storeToRead(options));
  try {
    return await action(store);
  } finally {
    await store.db.destroy();
  }
}

/** `7d`, `12h`, `400d` before `now`, as the ISO time the store compares with. */
export function timeAgo(value: string, field: string, now: Date = new Date()): string {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UserError(`"${value}" is not a duration such as 7d, 12h or 30m`, { field });
  return new Date(now.getTime() - ms).toISOString();
}

/** A scan number as `diff` takes it. */
export function parseScanId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`"${value}" is not a scan number (see \`cloudwarden db scans\`)`);
  return n;
}
