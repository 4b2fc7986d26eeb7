import { homedir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.ts';

/** Where results are kept: one SQLite file, or a PostgreSQL database that several processes share. */
export type StoreLocation = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/** The database `--db` alone, and the reading commands without `--db` or CLOUDWARDEN_DB, use. */
export function defaultStorePath(home: string = homedir()): string {
  return path.join(home, '.cloudwarden', 'cloudwarden.db');
}

/**
 * `sqlite:PATH` (`sqlite:~/x.db` and `sqlite:///abs/x.db` too) or `postgres://…` / `postgresql://…`.
 * `field` names the flag or variable the value came from, for the error message.
 */
export function parseStoreUrl(value: string, field = '--db', home: string = homedir()): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new UserError(`"${redactUrl(value)}" is not a valid PostgreSQL URL`, { field });
    }
    return { engine: 'postgres', url: value };
  }
  const sqlite = /^sqlite:(?:\/\/(?=\/))?(.*)$/i.exec(value);
  if (!sqlite) {
    throw new UserError(`"${redactUrl(value)}" is not a database URL: use sqlite:PATH or postgres://USER@HOST/DB`, {
      field,
    });
  }
  const file = sqlite[1] ?? '';
  if (file === '') throw new UserError('sqlite: needs a file path, e.g. sqlite:./cloudwarden.db', { field });
  const expanded = file === '~' || file.startsWith('~/') ? path.join(home, file.slice(1)) : file;
  return { engine: 'sqlite', path: path.resolve(expanded) };
}

/** A URL as it may be shown: the password never appears in messages. */
export function redactUrl(value: string): string {
  return value.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** How the location is named in messages. */
export function describeLocation(location: StoreLocation): string {
  return location.engine === 'sqlite' ? `sqlite:${location.path}` : redactUrl(location.url);
}
