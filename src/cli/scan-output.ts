import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import pc from 'picocolors';
import { requireChecks } from '../checks/catalogue.ts';
import { UserError } from '../errors.ts';
import { filterResults, parseSeverities, parseStatuses, type ResultFilter } from '../findings/filters.ts';
import type { Result } from '../findings/result.ts';
import { formatterFor } from '../report/formats.ts';
import type { ScanReport } from '../report/scan-report.ts';

export interface ReportOptions {
  format: string;
  output?: string;
  severity?: string;
  status?: string;
  check?: string[];
  arn?: string;
  exitCode?: string;
  quiet?: boolean;
}

/** The output flags every scan-like command shares (trivy's names where trivy has one). */
export function addReportOptions(command: Command): Command {
  return command
    .option('-f, --format <format>', 'output format: table, json', 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-s, --severity <list>', 'only these severities, comma-separated (critical,high,medium,low,info)')
    .option('--status <list>', 'only these outcomes, comma-separated (pass,fail,unknown)')
    .option('--check <id...>', 'only these checks (id or alias such as AVD-AWS-0089 or S3.9)')
    .option('--arn <arn>', 'show every check for one resource')
    .option('--exit-code <n>', 'exit with this code when a failure remains after the filters', undefined)
    .option('-q, --quiet', 'no progress or hints on stderr');
}

export function filterFrom(options: ReportOptions): ResultFilter {
  const filter: ResultFilter = {};
  if (options.severity) filter.severities = parseSeverities(options.severity);
  if (options.status) filter.statuses = parseStatuses(options.status);
  if (options.check?.length) filter.checkIds = options.check.flatMap((c) => requireChecks(c).map((check) => check.id));
  if (options.arn) filter.arn = options.arn;
  return filter;
}

function parseExitCode(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new UserError(`"${value}" is not an exit code (0-255)`, { field: '--exit-code' });
  return n;
}

/** Filters, formats and writes the report; returns the exit code the findings call for. */
export async function emitReport(report: ScanReport, options: ReportOptions): Promise<number> {
  const exitCode = parseExitCode(options.exitCode);
  const formatter = formatterFor(options.format);
  const filtered: ScanReport = { ...report, results: filterResults(report.results, filterFrom(options)) };
  const toTerminal = !options.output;
  const text = formatter(filtered, { color: toTerminal && process.stdout.isTTY === true && !process.env.NO_COLOR, arn: options.arn });
  if (options.output) await writeFile(options.output, text, 'utf8');
  else process.stdout.write(text);
  return exitCode !== undefined && hasFailures(filtered.results) ? exitCode : 0;
}

function hasFailures(results: readonly Result[]): boolean {
  return results.some((r) => r.status === 'fail');
}

export function hint(options: { quiet?: boolean }, text: string): void {
  if (options.quiet) return;
  process.stderr.write(process.stderr.isTTY ? pc.dim(`${text}\n`) : `${text}\n`);
}
