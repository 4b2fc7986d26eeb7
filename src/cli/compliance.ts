import Table from 'cli-table3';
import type { Command } from 'commander';
import { FRAMEWORKS, requireFramework } from '../compliance/frameworks/index.ts';
import { UserError } from '../errors.ts';

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
      const table = new Table({
        head: ['Name', 'Framework', 'Version', 'Controls', 'Automated', 'Manual'],
        style: { head: [], border: [] },
      });
      for (const r of rows) table.push([r.name, r.title, r.version, r.controls, r.automated, r.manual]);
      process.stdout.write(
        `${table.toString()}\nAutomated controls are decided by cloudwarden checks; manual ones are listed for a person to verify.\n`,
      );
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
      const table = new Table({
        head: ['Control', 'Title', 'Checks'],
        style: { head: [], border: [] },
        colWidths: [9, 70, 40],
        wordWrap: true,
      });
      for (const c of framework.controls) table.push([c.id, c.title, c.checks.join('\n') || '(manual)']);
      process.stdout.write(`${framework.title} v${framework.version}\n${table.toString()}\n${framework.scope}\n`);
    });
}
