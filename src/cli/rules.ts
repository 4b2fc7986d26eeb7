import type { Command } from 'commander';
import type { Exits } from './exits.ts';
import { expandRuleFiles, formatDiagnostic, loadRules, validateRuleFiles } from '../detect/engine/index.ts';
import { EXIT, UserError } from '../errors.ts';
import { escapeControl as t } from '../report/escape.ts';
import { colourWanted, palette, renderTable, terminalWidth, wrapText } from '../report/terminal.ts';

function requireFormat(format: string): 'table' | 'json' {
  if (format !== 'table' && format !== 'json')
    throw new UserError(`unknown format "${format}" (use table, json)`, { field: '--format' });
  return format;
}

export function registerRulesCommand(program: Command, exits: Exits): void {
  const rules = program
    .command('rules')
    .description(
      'detection rules (Falco syntax for aws_cloudtrail, and Sigma rules for product aws, service cloudtrail): validate files, list loaded rules',
    );

  rules
    .command('validate')
    .description(
      'check rule files and print file:line:col: message for each problem; exit 2 when any file has an error',
    )
    .argument('<paths...>', 'rule files or directories (every .yaml/.yml below them)')
    .action(
      exits(async (paths: string[]) => {
        const files = await expandRuleFiles(paths);
        const { diagnostics, falcoRules, sigmaRules, skipped, skippedWhy } = await validateRuleFiles(paths);
        for (const d of diagnostics) process.stdout.write(`${t(formatDiagnostic(d))}\n`);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        const badFiles = new Set(errors.map((d) => d.file)).size;
        const counts = `${falcoRules} Falco rule${falcoRules === 1 ? '' : 's'} and ${sigmaRules} Sigma rule${sigmaRules === 1 ? '' : 's'} loaded, ${skipped} skipped${skipped > 0 ? `: ${t(skippedWhy)}` : ''}`;
        if (errors.length > 0) {
          process.stderr.write(
            `${errors.length} error${errors.length === 1 ? '' : 's'} in ${badFiles} of ${files.length} rule file${files.length === 1 ? '' : 's'} (${counts})\n`,
          );
          return EXIT.usage;
        }
        process.stderr.write(`${files.length} rule file${files.length === 1 ? '' : 's'} OK: ${counts}\n`);
        return EXIT.ok;
      }),
    );

  rules
    .command('list')
    .description('list the loaded rules: name, source file, priority, tags, enabled')
    .option('--rules <paths...>', 'rule files or directories to load after the built-in packs')
    .option('--no-builtin', 'leave out the built-in packs')
    .option('-f, --format <format>', 'table or json', 'table')
    .action(async (options: { rules?: string[]; builtin: boolean; format: string }) => {
      const format = requireFormat(options.format);
      const loaded = await loadRules({ builtin: options.builtin, files: options.rules ?? [] });
      for (const w of loaded.warnings) process.stderr.write(`${t(formatDiagnostic(w))}\n`);
      if (format === 'json') {
        const list = loaded.rules.map((r) => ({
          name: r.name,
          file: r.file,
          line: r.line,
          priority: r.priority,
          tags: r.tags,
          enabled: r.enabled,
          source: r.declaredSource,
          ...(r.id === undefined ? {} : { id: r.id }),
          desc: r.desc,
        }));
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      // rule names, tags and paths come from rule files, which may be third-party packs
      const width = terminalWidth(process.stdout);
      const table = renderTable(
        [
          { header: 'Rule' },
          { header: 'Priority', min: 8 },
          { header: 'Enabled' },
          { header: 'Tags' },
          { header: 'File', truncate: true, min: 16 },
        ],
        loaded.rules.map((r) => [
          t(r.name),
          r.priority,
          r.enabled ? 'yes' : 'no',
          t(r.tags.join(', ')),
          t(`${r.file}:${r.line}`),
        ]),
        { width, colours: palette(colourWanted(process.stdout)) },
      );
      const enabled = loaded.rules.filter((r) => r.enabled).length;
      const skipped =
        loaded.skipped.length > 0
          ? `, ${loaded.skipped.length} skipped (other sources, Sigma rules that cannot run on CloudTrail)`
          : '';
      const summary = wrapText(`${loaded.rules.length} rules, ${enabled} enabled${skipped}`, width).join('\n');
      process.stdout.write(`${table}\n${summary}\n`);
    });
}
