import type { Command } from 'commander';
import { EXIT } from '../errors.ts';
import { scanPolicy } from '../services/permissions.ts';
import { selectServices } from '../services/select-services.ts';
import { COLLECTED_SERVICES } from '../services/service-names.ts';
import type { Exits } from './exits.ts';
import { addServiceOption } from './options.ts';

/** `permissions [--service s3,iam]`: the least-privilege IAM policy for `scan aws` of those services, as JSON. */
export function registerPermissionsCommand(program: Command, exits: Exits): void {
  addServiceOption(
    program
      .command('permissions')
      .description(
        "print the least-privilege IAM policy (JSON) that `scan aws` needs, from the services' declarations",
      ),
    COLLECTED_SERVICES,
  ).action(
    exits((options: { service?: string[] }) => {
      process.stdout.write(`${JSON.stringify(scanPolicy(selectServices(options.service)), null, 2)}\n`);
      return EXIT.ok;
    }),
  );
}
