import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { findChecks, requireChecks } from '../checks/catalogue.ts';
import { loadCheckConfig } from '../checks/config.ts';
import type { CheckOptions } from '../checks/options.ts';
import { evaluateFramework } from '../compliance/evaluate.ts';
import { requireFramework } from '../compliance/frameworks/index.ts';
import { UserError } from '../errors.ts';
import { applyAcceptances } from '../findings/accept.ts';
import { loadAcceptFile, type AcceptEntry } from '../findings/accept-file.ts';
import { filterResults, parseSeverities, parseStatuses, type ResultFilter } from '../findings/filters.ts';
import type { Result } from '../findings/result.ts';
import { escapeControl } from '../report/escape.ts';
import { FORMAT_NAMES, formatterFor, requireFormat } from '../report/formats.ts';
import type { FormatOptions, ScanReport } from '../report/scan-report.ts';
import { colourWanted, terminalWidth } from '../report/terminal.ts';
import { writeOutputFile } from '../report/write-file.ts';
import {
  addFormatOption,
  addOutputOption,
  addQuietOption,
  addSeverityOption,
  addShowPassedOption,
  repeatable,
} from './options.ts';
import { VERSION } from './version.ts';

export interface ReportOptions {
  format: string;
  output?: string;
  severity?: string;
  status?: string;
  check?: string[];
  arn?: string;
  exitCode?: string;
  quiet?: boolean;
  template?: string;
  accept?: string[];
  showAccepted?: boolean;
  showPassed?: boolean;
  compliance?: string;
  config?: string;
}

/** Read when present and no --accept is given. */
export const DEFAULT_ACCEPT_FILE = '.cloudwarden/accept.yaml';
/** trivy's ignore file, read when present so that an existing list keeps working. */
export const TRIVY_IGNORE_FILE = '.trivyignore';

function parseBoolean(value: string | undefined): boolean {
  if (value === undefined || /^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new UserError(`"${value}" is not true or false`, { field: '--show-accepted' });
}

/** The output flags every scan-like command shares (trivy's names where trivy has one). */
export function addReportOptions(command: Command): Command {
  addSeverityOption(addOutputOption(addFormatOption(command, FORMAT_NAMES, 'table')), 'critical,high,medium,low,info');
  return addQuietOption(
    addShowPassedOption(command)
      .option('--template <file>', 'Handlebars template for --format template (FILE or @FILE; see docs/reports.md)')
      .option('--status <list>', 'only these outcomes, comma-separated (pass,fail,unknown,accepted)')
      .option('--check <id...>', 'only these checks (id or alias such as AVD-AWS-0089 or S3.9)')
      .option('--arn <arn>', 'show every check for one resource')
      .option(
        '--accept <file>',
        `accepted risks (YAML, or a .trivyignore list); repeatable; default ${DEFAULT_ACCEPT_FILE} when present`,
        repeatable,
      )
      .option('--show-accepted [bool]', 'list accepted results (--show-accepted=false hides them)', parseBoolean, true)
      .option(
        '--compliance <framework>',
        'report per control of cis-aws-v3.0, cis-aws-v5.0, cis-aws-v6.0 or aws-fsbp (formats: table, json, csv, markdown, html)',
      )
      .option(
        '--config <file>',
        'check options (YAML: checks.<id>.<option>, e.g. the ports of ec2-sg-no-public-admin-ports; see docs/scan-aws.md)',
      )
      .option(
        '--exit-code <n>',
        'exit with this code when a failure remains after the filters (accepted results do not count)',
        undefined,
      ),
  );
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
  if (!Number.isInteger(n) || n < 0 || n > 255)
    throw new UserError(`"${value}" is not an exit code (0-255)`, { field: '--exit-code' });
  return n;
}

/** The accept files of this run: `--accept` files, else the default one, plus `.trivyignore` when present. */
export function acceptFiles(options: Pick<ReportOptions, 'accept'>, cwd = process.cwd()): string[] {
  const files = options.accept?.length
    ? [...options.accept]
    : existsSync(resolve(cwd, DEFAULT_ACCEPT_FILE))
      ? [DEFAULT_ACCEPT_FILE]
      : [];
  const trivy = resolve(cwd, TRIVY_IGNORE_FILE);
  if (existsSync(trivy) && !files.some((f) => resolve(cwd, f) === trivy)) files.push(TRIVY_IGNORE_FILE);
  return files;
}

export async function loadAcceptances(
  files: readonly string[],
): Promise<{ entries: AcceptEntry[]; warnings: string[] }> {
  const entries: AcceptEntry[] = [];
  const warnings: string[] = [];
  const resolver = (idOrAlias: string) => findChecks(idOrAlias).map((c) => c.id);
  for (const file of files) {
    const loaded = await loadAcceptFile(file, resolver);
    // a loop, not push(...): spreading an accept file of 150k entries into arguments overflows the stack
    for (const entry of loaded.entries) entries.push(entry);
    for (const warning of loaded.warnings) warnings.push(warning);
  }
  return { entries, warnings };
}

/** The check options `--config` sets (none without it): read before any AWS call, so a typo stops the run at once. */
export async function loadCheckOptions(options: Pick<ReportOptions, 'config'>): Promise<CheckOptions> {
  return options.config ? loadCheckConfig(options.config) : new Map();
}

async function loadTemplate(options: ReportOptions): Promise<FormatOptions['template']> {
  if (!options.template) return undefined;
  const file = options.template.startsWith('@') ? options.template.slice(1) : options.template;
  try {
    return { file, source: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'template not found' : `cannot read template (${code ?? 'error'})`, {
      file,
      field: '--template',
    });
  }
}

function warn(text: string): void {
  // warnings quote accept-file entries and check ids: escaped, so one warning stays one line
  const line = escapeControl(text);
  process.stderr.write(process.stderr.isTTY ? `${pc.yellow('warning:')} ${line}\n` : `warning: ${line}\n`);
}

/**
 * Every report flag checked before any AWS call: a typo in the format, the template or the accept
 * file is reported at once, not after a scan of every bucket.
 */
export async function checkReportOptions(options: ReportOptions): Promise<void> {
  parseExitCode(options.exitCode);
  resolveFormat(options);
  filterFrom(options);
  await loadTemplate(options);
  await loadAcceptances(acceptFiles(options));
}

/** `--template` alone means `--format template`; a format that cannot be used is an error. */
function resolveFormat(options: ReportOptions): string {
  const format = options.template && options.format === 'table' ? 'template' : options.format;
  if (options.template && format !== 'template')
    throw new UserError('--template goes with --format template', { field: '--template' });
  if (options.compliance) requireFramework(options.compliance);
  else requireFormat(format);
  if (format === 'template' && !options.template)
    throw new UserError('--format template needs --template FILE (or @FILE)', { field: '--template' });
  return format;
}

export interface ReportHooks {
  /** runs after the report is written, with every result (acceptances applied, no display filters) */
  afterReport?: (report: ScanReport) => Promise<void>;
  /** acceptances from elsewhere than accept files (`scan iac`: comments in the code), applied with theirs */
  acceptances?: readonly AcceptEntry[];
}

/** Applies accepted risks, then filters, formats and writes the report; returns the exit code the findings call for. */
export async function emitReport(report: ScanReport, options: ReportOptions, hooks: ReportHooks = {}): Promise<number> {
  const exitCode = parseExitCode(options.exitCode);
  const format = resolveFormat(options);
  const { entries, warnings } = await loadAcceptances(acceptFiles(options));
  const outcome = applyAcceptances(
    report.results,
    [...entries, ...(hooks.acceptances ?? [])],
    new Date(report.generatedAt),
  );
  // stale acceptances are an audit finding of their own: reported even with --quiet
  for (const w of [...warnings, ...outcome.warnings]) warn(w);
  const accepted: ScanReport = { ...report, results: outcome.results };
  const color = !options.output && colourWanted(process.stdout);
  // a file has no terminal: 80 columns, like a pipe
  const width = options.output ? 80 : terminalWidth(process.stdout);

  if (options.compliance) {
    const compliance = evaluateFramework(requireFramework(options.compliance), accepted);
    // imported when used, like the formatters: a plain run starts without the CSV writer
    const { renderCompliance } = await import('../compliance/output.ts');
    const overview =
      format === 'html' ? (await import('../report/overview.ts')).overviewOfResults(accepted) : undefined;
    await write(renderCompliance(compliance, format, color, width, overview), options.output);
    await hooks.afterReport?.(accepted);
    return exitCode !== undefined && compliance.summary.fail > 0 ? exitCode : 0;
  }

  let results = filterResults(accepted.results, filterFrom(options));
  if (options.showAccepted === false) results = results.filter((r) => r.status !== 'accepted');
  const filtered: ScanReport = { ...accepted, results };
  const text = (await formatterFor(format))(filtered, {
    color,
    width,
    showPassed: options.showPassed === true,
    arn: options.arn,
    toolVersion: VERSION,
    template: await loadTemplate(options),
  });
  await write(text, options.output);
  await hooks.afterReport?.(accepted);
  return exitCode !== undefined && hasFailures(filtered.results) ? exitCode : 0;
}

async function write(text: string, output: string | undefined): Promise<void> {
  if (output) await writeOutputFile(output, text, '--output');
  else process.stdout.write(text);
}

function hasFailures(results: readonly Result[]): boolean {
  return results.some((r) => r.status === 'fail');
}

export function hint(options: { quiet?: boolean }, text: string): void {
  if (options.quiet) return;
  process.stderr.write(colourWanted(process.stderr) ? pc.dim(`${text}\n`) : `${text}\n`);
}
