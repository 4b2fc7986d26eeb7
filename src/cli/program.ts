import type { Command } from 'commander';
import { describeError, EXIT, exitCodeFor } from '../errors.ts';
import { escapeControl } from '../report/escape.ts';
import type { Exits } from './exits.ts';
import { VERSION } from './version.ts';

type Registrar = (program: Command, exits: Exits) => void;

// In help order. Each command's module is imported only when it runs (or for help and errors, which list them
// all), so that `cloudwarden detect` starts without the AWS SDK and the other commands' dependencies.
const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<Registrar>]> = [
  ['scan', async () => (await import('./scan.ts')).registerScanCommand],
  ['permissions', async () => (await import('./permissions.ts')).registerPermissionsCommand],
  ['demo', async () => (await import('./demo.ts')).registerDemoCommand],
  ['checks', async () => (await import('./checks.ts')).registerChecksCommand],
  ['compliance', async () => (await import('./compliance.ts')).registerComplianceCommand],
  ['vulns', async () => (await import('./vulns.ts')).registerVulnsCommand],
  ['malware', async () => (await import('./malware.ts')).registerMalwareCommand],
  ['rules', async () => (await import('./rules.ts')).registerRulesCommand],
  ['detect', async () => (await import('./detect.ts')).registerDetectCommand],
  ['watch', async () => (await import('./watch.ts')).registerWatchCommand],
  ['worker', async () => (await import('./worker.ts')).registerWorkerCommand],
  ['findings', async () => (await import('./findings.ts')).registerFindingsCommand],
  ['history', async () => (await import('./history.ts')).registerHistoryCommand],
  ['diff', async () => (await import('./diff.ts')).registerDiffCommand],
  ['db', async () => (await import('./db.ts')).registerDbCommand],
  ['serve', async () => (await import('./serve.ts')).registerServeCommand],
];

/** The registrars `argv` needs: only the named command's, or every one when no known command is named. */
async function registrarsFor(argv: string[]): Promise<Registrar[]> {
  if (argv[2] === '-v' || argv[2] === '--version') return [];
  const named = COMMANDS.find(([name]) => name === argv[2]);
  return Promise.all((named ? [named] : COMMANDS).map(([, load]) => load()));
}

function buildProgram(Command: typeof import('commander').Command, registrars: Registrar[], exits: Exits): Command {
  const program = new Command('cloudwarden')
    .description(
      'Keep AWS accounts safe, S3 first: posture scans, CloudTrail threat detection, vulnerability reports, malware scanning.',
    )
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // One registrar per command file; each command returns its exit code through `exits`.
  for (const register of registrars) register(program, exits);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** The whole command tree, every command registered (for docs and tests: what each command accepts). */
export async function fullProgram(): Promise<Command> {
  const ignore: Exits =
    (action) =>
    async (...args) => {
      await action(...args);
    };
  const { Command } = await import('commander');
  return buildProgram(Command, await registrarsFor([]), ignore);
}

/** Runs the CLI and returns the exit code (see errors.ts for their meaning). */
export async function run(argv: string[]): Promise<number> {
  // `--version` alone answers before commander and any command loads: scripts call it to probe the install
  if (argv.length === 3 && (argv[2] === '-v' || argv[2] === '--version')) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const { Command, CommanderError } = await import('commander');
  let code: number = EXIT.ok;
  const exits: Exits =
    (action) =>
    async (...args) => {
      code = await action(...args);
    };
  try {
    const program = buildProgram(Command, await registrarsFor(argv), exits);
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version end through here with exit code 0; every other parse error is a usage error
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // messages quote bad input (a key, a field value): one line, whatever that input holds
    process.stderr.write(`${escapeControl(describeError(error))}\n`);
    if (exitCodeFor(error) === EXIT.internal && process.env.CLOUDWARDEN_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    return exitCodeFor(error);
  }
}
