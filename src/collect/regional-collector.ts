import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { awsErrorName, errorRecord, isCredentialError, accessErrorFor } from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import type { RunState } from './run-state.ts';
import { collectService } from '../services/collect-service.ts';
import type { ServiceDeclaration } from '../services/define-service.ts';

type ErrorEntry = { error: { name: string; message: string } };

/**
 * The account's enabled regions (`AllRegions: false` leaves out regions not opted in). When the call fails,
 * the home region alone is scanned and the failure is returned so the caller can say so.
 */
export async function enabledRegions(
  clients: AwsClientSource,
  run: RunState,
): Promise<{ regions: string[]; error?: ErrorEntry['error'] }> {
  try {
    const output = await run.limit(() => {
      run.stats.calls += 1;
      return clients
        .client(EC2Client, clients.homeRegion)
        .send(new DescribeRegionsCommand({ AllRegions: false }), { abortSignal: run.controller.signal });
    });
    const regions = (output.Regions ?? [])
      .filter((r) => r.RegionName && (r.OptInStatus === undefined || r.OptInStatus !== 'not-opted-in'))
      .map((r) => r.RegionName as string)
      .sort();
    return { regions: regions.length > 0 ? regions : [clients.homeRegion] };
  } catch (error) {
    if (isCredentialError(error)) throw accessErrorFor(error, 'ec2:DescribeRegions');
    run.stats.errors += 1;
    return { regions: [clients.homeRegion], error: { name: awsErrorName(error), message: errorRecord(error).message } };
  }
}

/**
 * Every region x every regional service, in parallel under the run's limit. One region's failure (not
 * opted in, unreachable, denied by an SCP) is recorded in that region's entries and never stops the others.
 */
export async function collectRegional(
  clients: AwsClientSource,
  identity: { accountId: string; partition: string },
  services: readonly ServiceDeclaration[],
  regions: readonly string[],
  run: RunState,
  onRegionDone?: (service: string, region: string) => void,
): Promise<Record<string, Record<string, unknown>>> {
  const sections: Record<string, Record<string, unknown>> = {};
  for (const service of services) sections[service.name] = {};
  await Promise.all(
    services.flatMap((service) =>
      (service.scope === 'global' ? [clients.homeRegion] : regions).map(async (region) => {
        const entry = await collectService(service, clients, { region, ...identity }, run);
        if (service.scope === 'global') sections[service.name] = entry;
        else (sections[service.name] as Record<string, unknown>)[region] = entry;
        onRegionDone?.(service.name, region);
      }),
    ),
  );
  return sections;
}
