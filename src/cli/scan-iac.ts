/** `scan iac PATH…`: the checks of `scan aws` on Terraform code and plans, before anything is deployed. */
import type { Command } from 'commander';
import pc from 'picocolors';
import { EXIT, UserError } from '../errors.ts';
import { scanIac } from '../iac/scan.ts';
import { escapeControl } from '../report/escape.ts';
import type { Exits } from './exits.ts';
import { repeatable, requireRegionNames } from './options.ts';
import { checkReportOptions, emitReport, hint, loadCheckOptions } from './scan-output.ts';
import { addSnapshotScanOptions, checksFor, type SnapshotScanOptions } from './scan-snapshot.ts';

export interface IacScanOptions extends SnapshotScanOptions {
  var?: string[];
  varFile?: string[];
  region?: string;
}

/** Where the code is taken to be deployed when it does not say: `--region`, else the AWS CLI's environment, else us-east-1. */
function iacRegion(flag: string | undefined): string {
  const region = flag ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1');
  requireRegionNames([region]);
  return region;
}

function parseVars(values: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf('=');
    if (at <= 0) throw new UserError(`"${v}" is not NAME=VALUE`, { field: '--var' });
    vars[v.slice(0, at)] = v.slice(at + 1);
  }
  return vars;
}

export async function scanIacPaths(paths: string[], options: IacScanOptions): Promise<number> {
  const checks = checksFor(options.service);
  const vars = parseVars(options.var ?? []);
  const region = iacRegion(options.region);
  await checkReportOptions(options);
  const scan = await scanIac(paths, checks, {
    vars,
    varFiles: options.varFile ?? [],
    cwd: process.cwd(),
    region,
    checkOptions: await loadCheckOptions(options),
  });
  for (const problem of scan.problems) {
    const line = escapeControl(problem.format());
    process.stderr.write(process.stderr.isTTY ? `${pc.yellow('warning:')} ${line}\n` : `warning: ${line}\n`);
  }
  hint(options, `${scan.resources} resources from code; checks that need values known only after apply say unknown`);
  const code = await emitReport(scan.report, options, { acceptances: scan.acceptances });
  // the report of what could be read is written; a file that could not be read still makes the run unusable
  return scan.broken ? EXIT.usage : code;
}

export function registerScanIacCommand(scan: Command, exits: Exits): void {
  addSnapshotScanOptions(
    scan
      .command('iac')
      .description('run the checks on Terraform code or a plan before it is deployed (see docs/iac.md)')
      .argument('<paths...>', 'directories (searched for .tf files), .tf files, or `terraform show -json` plan files'),
  )
    .option('--var <name=value>', 'set a Terraform variable (repeatable), as terraform -var', repeatable)
    .option('--var-file <file>', 'read Terraform variables from a .tfvars file (repeatable)', repeatable)
    .option(
      '--region <region>',
      "region of the synthesised ARNs and regional answers where the code names none (a Terraform provider's region wins; default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)",
    )
    .action(exits(async (paths: string[], options: IacScanOptions) => scanIacPaths(paths, options)));
}
