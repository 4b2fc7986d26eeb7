/** Shared by the commands that read the store (`findings`, `history`, `diff`, `db`): opening it and their flags. */
import type { Command } from 'commander';
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

export { timeAgo } from '../store/filters.ts';

/** A scan number as `diff` takes it. */
export function parseScanId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`"${value}" is not a scan number (see \`cloudwarden db scans\`)`);
  return n;
}
