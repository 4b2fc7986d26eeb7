import type { Command } from 'commander';
import type { Exits } from './exits.ts';
import { fileURLToPath } from 'node:url';
import { hint } from './scan-output.ts';
import { addSnapshotScanOptions, scanSnapshotFile, type SnapshotScanOptions } from './scan.ts';

export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url));

export function registerDemoCommand(program: Command, exits: Exits): void {
  addSnapshotScanOptions(
    program
      .command('demo')
      .description('scan the bundled demo account (no AWS credentials, no network)'),
  ).action(
    exits(async (options: SnapshotScanOptions) => {
    const code = await scanSnapshotFile(DEMO_SNAPSHOT, options);
    hint(
      options,
      [
        '',
        'This was `cloudwarden scan snapshot examples/demo-account.json`. Try next:',
        '  cloudwarden demo --arn arn:aws:s3:::demo-public-by-policy   every check for one bucket, with fixes',
        '  cloudwarden demo --format json --status fail               machine-readable failures',
        '  cloudwarden demo --severity critical,high --exit-code 1    fail a CI job on serious findings',
        '  cloudwarden demo --compliance cis-aws-v3.0                  per CIS AWS Foundations control',
        '  cloudwarden demo --config examples/cloudwarden.yaml         check options: your own ports and day limits',
        '  cloudwarden checks list                                     what is checked, with trivy/FSBP aliases',
        '  cloudwarden scan aws                                        your own account (read-only credentials)',
      ].join('\n'),
    );
    return code;
  }),
  );
}
