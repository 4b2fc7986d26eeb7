import type { Command } from 'commander';
import type { Exits } from './exits.ts';
import { invocation } from './invocation.ts';
import { fileURLToPath } from 'node:url';
import { hint } from './scan-output.ts';
import { addSnapshotScanOptions, scanSnapshotFile, type SnapshotScanOptions } from './scan-snapshot.ts';

export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url));

export function registerDemoCommand(program: Command, exits: Exits): void {
  addSnapshotScanOptions(
    program.command('demo').description('scan the bundled demo account (no AWS credentials, no network)'),
  ).action(
    exits(async (options: SnapshotScanOptions) => {
      const code = await scanSnapshotFile(DEMO_SNAPSHOT, options, 'demo');
      const me = invocation();
      hint(
        options,
        [
          '',
          `This was \`${me} scan snapshot examples/demo-account.json\`. Try next:`,
          `  ${me} demo --arn arn:aws:s3:::demo-public-by-policy   every check for one bucket, with fixes`,
          `  ${me} demo --format json --status fail               machine-readable failures`,
          `  ${me} demo --severity critical,high --exit-code 1    fail a CI job on serious findings`,
          `  ${me} demo --compliance cis-aws-v3.0                  per CIS AWS Foundations control`,
          `  ${me} demo --config examples/cloudwarden.yaml         check options: your own ports and day limits`,
          `  ${me} checks list                                     what is checked, with trivy/FSBP aliases`,
          `  ${me} scan aws                                        your own account (read-only credentials)`,
        ].join('\n'),
      );
      return code;
    }),
  );
}
