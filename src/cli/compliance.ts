import type { Command } from 'commander';
import { FRAMEWORKS, requireFramework } from '../compliance/frameworks/index.ts';
import { UserError } from '../errors.ts';
import { colourWanted, palette, renderTable, terminalWidth, wrapText, type TableOptions } from '../report/terminal.ts';

function tableOptions(): TableOptions {
  return { width: terminalWidth(process.stdout), colours: palette(colourWanted(process.stdout)) };
}

function requireFormat(format: string): 'table' | 'json' {
  if (format !== 'table' && format !== 'json')
    throw new UserError(`unknown format "${format}" (use table, json)`, { field: '--format' });
  return format;
}

export function registerComplianceCommand(program: Command): void {
  const compliance = program
    .command('compliance')
    .description('compliance frameworks (CIS AWS Foundations, AWS FSBP): use one with `scan ... --compliance NAME`');
  compliance
    .command('list')
    .description('list the frameworks --compliance accepts')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((options: { format: string }) => {
      const rows = FRAMEWORKS.map((f) => ({
        name: f.name,
        title: f.title,
        version: f.version,
        controls: f.controls.length,
        automated: f.controls.filter((c) => c.checks.length > 0).length,
        manual: f.controls.filter((c) => c.checks.length === 0).length,
        scope: f.scope,
      }));
      if (requireFormat(options.format) === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const table = renderTable(
        ['Name', 'Framework', 'Version', 'Controls', 'Automated', 'Manual'].map((header, i) => ({
          header,
          ...(i >= 3 ? { align: 'right' as const } : {}),
        })),
        rows.map((r) => [r.name, r.title, r.version, String(r.controls), String(r.automated), String(r.manual)]),
        tableOptions(),
      );
      const note =
        'Automated controls are decided by cloudwarden checks; manual ones are listed for a person to verify.';
      process.stdout.write(`${table}\n${wrapText(note, tableOptions().width).join('\n')}\n`);
    });
  compliance
    .command('show')
    .description('list the controls of one framework and the checks that decide each')
    .argument('<name>', 'framework name, e.g. cis-aws-v3.0')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((name: string, options: { format: string }) => {
      const framework = requireFramework(name);
      if (requireFormat(options.format) === 'json') {
        process.stdout.write(`${JSON.stringify(framework, null, 2)}\n`);
        return;
      }
      const table = renderTable(
        [{ header: 'Control' }, { header: 'Title' }, { header: 'Checks' }],
        framework.controls.map((c) => [c.id, c.title, c.checks.join('\n') || '(manual)']),
        tableOptions(),
      );
      const scope = wrapText(framework.scope, tableOptions().width).join('\n');
      process.stdout.write(`${framework.title} v${framework.version}\n${table}\n${scope}\n`);
    });
}
