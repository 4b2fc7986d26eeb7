import type { Command } from 'commander';
import { scanPolicy } from '../services/permissions.ts';
import { COLLECTED_SERVICES, selectServices } from '../services/select-services.ts';

/** `permissions [--service s3,iam]`: the least-privilege IAM policy for `scan aws` of those services, as JSON. */
export function registerPermissionsCommand(program: Command): void {
  program
    .command('permissions')
    .description('print the least-privilege IAM policy (JSON) that `scan aws` needs, from the services\' declarations')
    .option('--service <names>', `only these services, comma-separated (${COLLECTED_SERVICES.join(', ')}); default: all`)
    .action((options: { service?: string }) => {
      process.stdout.write(`${JSON.stringify(scanPolicy(selectServices(options.service)), null, 2)}\n`);
      process.exitCode = 0;
    });
}
