import type { Command } from 'commander';
import { AwsAccessError } from '../errors.ts';
import type { ImportOptions } from '../export/securityhub.ts';
import type { ScanReport } from '../report/scan-report.ts';
import type { ReportHooks } from './scan-output.ts';

export interface SecurityHubOptions {
  securityhub?: boolean;
  securityhubRegion?: string;
  profile?: string;
  endpointUrl?: string;
  quiet?: boolean;
}

export function addSecurityHubOptions(command: Command): Command {
  return command
    .option(
      '--securityhub',
      'import every result into AWS Security Hub (BatchImportFindings); passing results are sent as resolved',
    )
    .option('--securityhub-region <region>', 'region of the Security Hub to import into (default: the home region)');
}

/** Sends the findings after the report is written; failures to import are an error (exit 2), never silent. */
export async function exportToSecurityHub(
  report: ScanReport,
  options: SecurityHubOptions,
  homeRegion: string,
  importOptions?: ImportOptions,
): Promise<void> {
  const region = options.securityhubRegion ?? homeRegion;
  // loaded when an import runs: the scan commands register these flags without the SDK
  const [{ AwsClients }, { importFindings, securityHubClient, securityHubFindings }] = await Promise.all([
    import('../aws/clients.ts'),
    import('../export/securityhub.ts'),
  ]);
  const clients = await AwsClients.create({
    homeRegion: region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
  });
  try {
    const summary = await importFindings(
      securityHubClient(clients, region),
      securityHubFindings(report, region),
      importOptions,
    );
    if (summary.failed.length > 0) {
      const [first] = summary.failed;
      throw new AwsAccessError(
        `${summary.failed.length} of ${summary.sent} findings were not imported into Security Hub in ${region} (first: ${first?.id} ${first?.errorMessage ?? ''})`,
        first?.errorCode ?? 'FailedFindings',
        'securityhub:BatchImportFindings',
      );
    }
    if (!options.quiet)
      process.stderr.write(
        `Security Hub (${region}): imported ${summary.imported} findings in ${summary.calls} call(s)\n`,
      );
  } finally {
    clients.destroy();
  }
}

export function securityHubHooks(options: SecurityHubOptions, homeRegion: string): ReportHooks {
  return options.securityhub ? { afterReport: (report) => exportToSecurityHub(report, options, homeRegion) } : {};
}
