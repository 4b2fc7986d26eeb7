/**
 * Opening a store: the engine's driver (loaded only for the engine asked for), SQLite in WAL mode so that readers
 * (the dashboard) never block a scan writing, and every pending migration applied before anything else runs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type Driver,
} from 'kysely';
import { UserError } from '../errors.ts';
import { migrationProvider } from './migrations.ts';
import type { StoreSchema } from './schema.ts';
import { describeLocation, type StoreLocation } from './url.ts';

export interface StoreDb {
  db: Kysely<StoreSchema>;
  engine: StoreLocation['engine'];
  /** how the store is named in messages (no password) */
  name: string;
}

/** SQLite runs DDL in transactions: said so, the migrator applies the pending migrations in one. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * SQLite whose transactions begin IMMEDIATE, the write lock taken before anything is read. Kysely's migrator takes
 * no lock on SQLite (and, told DDL is not transactional, no transaction either): two processes opening a new
 * database at once both read "none applied" and the second one applies a migration again or fails as "database is
 * locked". Now the migrations run in one transaction that takes the write lock first, so the second process waits
 * (busy timeout), then reads inside its own transaction that the first one applied them. The store's other
 * transactions (recordScan, prune) all write, so taking the lock first costs them nothing and spares them the same
 * failed read-to-write upgrade.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

async function sqliteDialect(file: string): Promise<SqliteDialect> {
  const { default: Database } = await import('better-sqlite3');
  let database: import('better-sqlite3').Database;
  try {
    // inside the try: a parent that is a file (EEXIST, ENOTDIR) or unwritable is the user's path, not a bug
    mkdirSync(path.dirname(file), { recursive: true });
    database = new Database(file, { timeout: 30_000 });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new UserError(`cannot open the SQLite database (${(error as Error).message})`, {
      file,
      field: '--db',
    });
  }
  return new ImmediateSqliteDialect({ database });
}

async function postgresDialect(url: string): Promise<PostgresDialect> {
  const { default: pg } = await import('pg');
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) });
}

/** Opens (creating when needed) the store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<StoreDb> {
  const dialect =
    location.engine === 'sqlite' ? await sqliteDialect(location.path) : await postgresDialect(location.url);
  const db = new Kysely<StoreSchema>({ dialect });
  const name = describeLocation(location);
  let failure: unknown;
  try {
    ({ error: failure } = await new Migrator({ db, provider: migrationProvider(location.engine) }).migrateToLatest());
  } catch (error) {
    failure = error;
  }
  if (failure !== undefined) {
    await db.destroy();
    const message = failure instanceof Error ? failure.message : JSON.stringify(failure);
    throw new UserError(`cannot prepare the store ${name}: ${message}`, { field: '--db' }, { cause: failure });
  }
  return { db, engine: location.engine, name };
}
