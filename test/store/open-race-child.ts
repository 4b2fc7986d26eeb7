/**
 * A process opening a store, for test/store/open-race.test.ts: everything loaded first, then "ready" on stdout, then
 * the store opened when the parent writes a line (so that two of them open it in the same millisecond).
 */
import { openStore } from '../../src/store/open.ts';

const file = process.argv[2]!;
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  openStore({ engine: 'sqlite', path: file }).then(
    async (store) => {
      const applied = await store.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      await store.db.destroy();
      process.stdout.write(`opened ${applied.length}\n`);
    },
    (error: unknown) => {
      process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
});
