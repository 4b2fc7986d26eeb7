/**
 * Two processes opening the same new SQLite database at once: both must open it, and every migration must be
 * applied once. Without the migrations in one transaction that takes the write lock first (BEGIN IMMEDIATE), both read
 * "nothing applied" and the second fails ("duplicate column name", "table … already exists", "database is locked").
 * The children wait for the parent's go, so that both open in the same millisecond.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';

const CHILD = new URL('./open-race-child.ts', import.meta.url).pathname;
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function start(file: string): { child: ChildProcess; lines: string[]; ready: Promise<void>; done: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      if (line === 'ready') resolveReady();
    }
  });
  const done = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, lines, ready, done };
}

it.each([1, 2, 3, 4])(
  'round %i: two processes open one new database at once; each migration applied once',
  async () => {
    dir ||= await mkdtemp(path.join(tmpdir(), 'cw-open-race-'));
    const file = path.join(dir, `race-${Math.random().toString(36).slice(2)}.db`);
    const children = [start(file), start(file)];
    await Promise.all(children.map((c) => c.ready));
    // ending stdin lets each child exit once its store is closed
    for (const c of children) c.child.stdin!.end('go\n');
    const codes = await Promise.all(children.map((c) => c.done));
    const store = await openStore({ engine: 'sqlite', path: file });
    const applied = await store.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    await store.db.destroy();
    const expected = `opened ${applied.length}`;
    expect(children.map((c) => c.lines.at(-1))).toEqual([expected, expected]);
    expect(codes).toEqual([0, 0]);
    expect(new Set(applied.map((a) => (a as { name: string }).name)).size).toBe(applied.length);
  },
  120_000,
);
