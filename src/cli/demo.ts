import type { Command } from 'commander';
import type { Exits } from './exits.ts';
import { invocation } from './invocation.ts';
import { visibleLength, wrapText } from '../report/terminal.ts';
import { fileURLToPath } from 'node:url';
import { hint } from './scan-output.ts';
import { addSnapshotScanOptions, scanSnapshotFile, type SnapshotScanOptions } from './scan-snapshot.ts';

export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url));

const NEXT: [command: string, what: string][] = [
  ['demo --arn arn:aws:s3:::demo-public-by-policy', 'every check for one bucket, with fixes'],
  ['demo --format json --status fail', 'machine-readable failures'],
  ['demo --severity critical,high --exit-code 1', 'fail a CI job on serious findings'],
  ['demo --compliance cis-aws-v3.0', 'per CIS AWS Foundations control'],
  ['demo --config examples/cloudwarden.yaml', 'check options: your own ports and day limits'],
  ['checks list', 'what is checked, with trivy/FSBP aliases'],
  ['scan aws', 'your own account (read-only credentials)'],
];

/**
 * What to try after the demo, each command as the user started cloudwarden (`me`). Command and purpose share a
 * line when every line fits `width`; otherwise each purpose goes on the line under its command.
 */
export function demoHints(me: string, width = 80): string {
  const commands = NEXT.map(([command]) => `  ${me} ${command}`);
  const column = Math.max(...commands.map(visibleLength)) + 3;
  const oneLine = NEXT.map(([, what], i) => `${commands[i]!.padEnd(column)}${what}`);
  const lines = oneLine.every((line) => visibleLength(line) <= width)
    ? oneLine
    : NEXT.flatMap(([, what], i) => [commands[i]!, `      ${what}`]);
  return [
    '',
    ...wrapText(`This was \`${me} scan snapshot examples/demo-account.json\`. Try next:`, width),
    ...lines,
  ].join('\n');
}

export function registerDemoCommand(program: Command, exits: Exits): void {
  addSnapshotScanOptions(
    program.command('demo').description('scan the bundled demo account (no AWS credentials, no network)'),
  ).action(
    exits(async (options: SnapshotScanOptions) => {
      const code = await scanSnapshotFile(DEMO_SNAPSHOT, options, 'demo');
      hint(options, demoHints(invocation()));
      return code;
    }),
  );
}
