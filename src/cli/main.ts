import { nodeVersionNote } from './node-version.ts';
import { run } from './program.ts';

// A reader that stops early (`cloudwarden ... | head`) closes the pipe: nothing is left to report to.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

const note = nodeVersionNote(process.version, process.env);
if (note) process.stderr.write(`${note}\n`);

const code = await run(process.argv);
// Writes to a pipe are asynchronous: exiting at once would cut `cloudwarden demo --format json | jq`
// short at 64 KiB. An empty write completes only after everything queued before it.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
// The only place that exits: every command reports through its return value or a typed error.
process.exit(code);
