import type { Command } from 'commander';
import { checksForService, knownServices, requireChecks } from '../checks/catalogue.ts';
import type { Check } from '../checks/define-check.ts';
import { describeOptions } from '../checks/options.ts';
import { UserError } from '../errors.ts';
import { whereCheckRuns } from '../iac/coverage.ts';
import { colourWanted, palette, renderTable, terminalWidth } from '../report/terminal.ts';

function metadata(check: Check) {
  const { id, aliases, service, resource, severity, title, description, remediation, references, needs, triggers } =
    check;
  return {
    id,
    aliases,
    service,
    resource,
    severity,
    title,
    description,
    remediation,
    references,
    needs,
    triggers,
    options: describeOptions(check),
    runsOn: whereCheckRuns(check),
  };
}

/** What a user may set for the check in a `--config` file, with an example that sets the defaults. */
function optionLines(check: Check): string[] {
  const options = describeOptions(check);
  if (options.length === 0) return [];
  return [
    'Options (set with --config FILE, see docs/scan-aws.md):',
    ...options.flatMap((o) => [`  ${o.name}  ${o.type}  (default: ${o.default})`, `      ${o.description}`]),
    '  e.g.',
    '    checks:',
    `      ${check.id}:`,
    ...options.map((o) => `        ${o.name}: ${o.default}`),
    '',
  ];
}

function describeCheck(check: Check): string {
  return [
    `${check.id}  [${check.severity.toUpperCase()}]  ${check.title}`,
    `aliases: ${check.aliases.join(', ') || '-'}`,
    `service: ${check.service}   resource: ${check.resource}`,
    '',
    check.description,
    '',
    ...optionLines(check),
    'Remediation (Terraform):',
    check.remediation.terraform,
    '',
    'Remediation (AWS CLI):',
    check.remediation.cli,
    '',
    `Remediation (console): ${check.remediation.console}`,
    '',
    `Reads: ${check.needs.join(', ')}`,
    `Runs on: ${whereCheckRuns(check).join(', ')}`,
    `Re-checked on (CloudTrail): ${check.triggers.join(', ') || '-'}`,
    `Docs: docs/checks/${check.id}.md`,
    'References:',
    ...check.references.map((r) => `  ${r}`),
    '',
  ].join('\n');
}

function checksOfService(service: string | undefined): Check[] {
  const list = checksForService(service);
  if (list.length === 0) {
    throw new UserError(`no checks for service "${service}" (known: ${knownServices().join(', ')})`, {
      field: '--service',
    });
  }
  return list;
}

function requireFormat(format: string): 'table' | 'json' {
  if (format !== 'table' && format !== 'json')
    throw new UserError(`unknown format "${format}" (use table, json)`, { field: '--format' });
  return format;
}

export function registerChecksCommand(program: Command): void {
  const checks = program.command('checks').description('the check catalogue: ids, aliases, severities, remediation');
  checks
    .command('list')
    .description('list the checks')
    .option('--service <name>', 'only checks of this service (e.g. s3)')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((options: { service?: string; format: string }) => {
      const format = requireFormat(options.format);
      const list = checksOfService(options.service);
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(list.map(metadata), null, 2)}\n`);
        return;
      }
      const table = renderTable(
        [
          // an id is what `checks show` and `--check` take: never wrapped or shortened
          { header: 'ID', min: Math.max(...list.map((c) => c.id.length)) },
          { header: 'Severity', min: 8 },
          { header: 'Aliases' },
          { header: 'Runs on', min: 11 },
          { header: 'Title' },
        ],
        list.map((c) => [c.id, c.severity, c.aliases.join(', '), whereCheckRuns(c).join(', '), c.title]),
        { width: terminalWidth(process.stdout), colours: palette(colourWanted(process.stdout)) },
      );
      process.stdout.write(`${table}\n${list.length} checks\n`);
    });
  checks
    .command('show')
    .description('show one check (by id or alias) with its remediation')
    .argument('<id>', 'check id or alias (e.g. s3-bucket-logging-enabled, AVD-AWS-0089, S3.9)')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((id: string, options: { format: string }) => {
      const format = requireFormat(options.format);
      const found = requireChecks(id, 'id');
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(found.map(metadata), null, 2)}\n`);
        return;
      }
      // One alias may name several checks (FSBP S3.2 is both the ACL and the policy check).
      const heading =
        found.length > 1 ? `${id} names ${found.length} checks: ${found.map((c) => c.id).join(', ')}\n\n` : '';
      process.stdout.write(heading + found.map(describeCheck).join('\n'));
    });
}
