import { EXIT } from '../errors.ts';
import { replaceSdkNodeWarning } from './node-version.ts';
import { run } from './program.ts';

// Errors on stdout/stderr arrive as 'error' events, not exceptions: without a handler Node prints a stack.
// A reader that stops early (`cloudwarden ... | head`) closes the pipe: nothing is left to report to, so
// the run ends quietly. Any other failure (`> /dev/full`, a closed descriptor) means the output the user
// asked for is lost: one line on stderr and the usage exit code, as for a report file that cannot be written.
// `run_.code` is the command's exit code once it returned (the pipe may close while its last output drains).
const run_: { code?: number } = {};
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(run_.code ?? EXIT.ok);
  const reason = error.code ?? error.message;
  process.stderr.write(`error: cannot write to standard output (${reason})\n`, () => process.exit(EXIT.usage));
});
// nowhere left to report a stderr failure: the exit code carries it
process.stderr.on('error', () => process.exit(run_.code ?? EXIT.usage));

process.emitWarning = replaceSdkNodeWarning(
  process.emitWarning.bind(process) as Parameters<typeof replaceSdkNodeWarning>[0],
  process.version,
  (note) => process.stderr.write(`${note}\n`),
);

const code = await run(process.argv);
run_.code = code;
// Writes to a pipe are asynchronous: exiting at once would cut `cloudwarden demo --format json | jq`
// short at 64 KiB. An empty write completes only after everything queued before it.
await Promise.all(
  [process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))),
);
// The only place that exits: every command reports through its return value or a typed error.
process.exit(code);
