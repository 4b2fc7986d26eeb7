/**
 * The store tests run every case on both engines: SQLite in a temporary directory, and PostgreSQL at
 * CLOUDWARDEN_TEST_POSTGRES_URL (`.ci/run` starts one; locally: `export CLOUDWARDEN_TEST_POSTGRES_URL=$(.ci/postgres
 * start /tmp/cw-pg)`). Each store gets a database of its own. Under CI=true a missing PostgreSQL fails the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type StoreDb } from '../../src/store/open.ts';

export const POSTGRES_URL = process.env.CLOUDWARDEN_TEST_POSTGRES_URL;

if (!POSTGRES_URL && process.env.CI === 'true') {
  throw new Error('CLOUDWARDEN_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL with .ci/postgres and sets it');
}

export interface TestEngine {
  engine: 'sqlite' | 'postgres';
  /** a new, empty database's URL */
  createUrl: () => Promise<string>;
}

const cleanups: Array<() => Promise<void>> = [];

/** Drops every database and directory the tests of this file created. */
export async function dropTestDatabases(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) await cleanup();
}

async function withAdmin<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

const sqlite: TestEngine = {
  engine: 'sqlite',
  createUrl: async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-store-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return `sqlite:${path.join(dir, 'cloudwarden.db')}`;
  },
};

const postgres: TestEngine = {
  engine: 'postgres',
  createUrl: async () => {
    const name = `cw_test_${randomBytes(6).toString('hex')}`;
    await withAdmin((client) => client.query(`create database ${name}`));
    cleanups.push(async () => {
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    });
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${name}`;
    return url.toString();
  },
};

/** The engines this run tests: both, or SQLite alone outside CI when no PostgreSQL is given. */
export const ENGINES: TestEngine[] = POSTGRES_URL ? [sqlite, postgres] : [sqlite];

/** Opens a fresh store on `engine`; the caller closes it with `store.db.destroy()`. */
export async function freshStore(engine: TestEngine): Promise<StoreDb> {
  const { parseStoreUrl } = await import('../../src/store/url.ts');
  return openStore(parseStoreUrl(await engine.createUrl()));
}
