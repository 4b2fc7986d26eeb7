import { Command, CommanderError } from 'commander';
import { describeError, EXIT, exitCodeFor } from '../errors.ts';
import { registerChecksCommand } from './checks.ts';
import { registerComplianceCommand } from './compliance.ts';
import { registerDemoCommand } from './demo.ts';
import { registerDetectCommand } from './detect.ts';
import { registerMalwareCommand } from './malware.ts';
import { registerRulesCommand } from './rules.ts';
import { registerScanCommand } from './scan.ts';
import { registerVulnsCommand } from './vulns.ts';
import { VERSION } from './version.ts';

export function buildProgram(): Command {
  const program = new Command('cloudwarden')
    .description('Keep AWS accounts safe, S3 first: posture scans, CloudTrail threat detection, vulnerability reports, malware scanning.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // One registrar per command file; each command sets process.exitCode, only this module exits.
  registerScanCommand(program);
  registerDemoCommand(program);
  registerChecksCommand(program);
  registerComplianceCommand(program);
  registerVulnsCommand(program);
  registerMalwareCommand(program);
  registerRulesCommand(program);
  registerDetectCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code (see errors.ts for their meaning). */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version end through here with exit code 0; every other parse error is a usage error
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`${describeError(error)}\n`);
    if (exitCodeFor(error) === EXIT.internal && process.env.CLOUDWARDEN_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    return exitCodeFor(error);
  }
}
