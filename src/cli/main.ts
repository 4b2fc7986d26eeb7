import { run } from './program.ts';

// The only place that exits: every command reports through its return value or a typed error.
process.exit(await run(process.argv));
