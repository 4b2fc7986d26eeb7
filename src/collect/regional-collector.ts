import pLimit from 'p-limit';
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
 * Service x region pairs of one account collected at once. Each pair has about one call queued or in flight, so this
 * keeps far more calls ready than any call limit lets out, while the SDK clients alive stay those of two or three
 * regions instead of every service in every region (~20 KB each, ~650 per account at 17 regions and 38 services).
 */
export const PAIRS_IN_FLIGHT = 64;

/**
 * Every region x every regional service under the run's limit, region after region, PAIRS_IN_FLIGHT pairs at a time;
 * a region's clients are let go once its last pair ends. One region's failure (not opted in, unreachable, denied by
 * an SCP) is recorded in that region's entries and never stops the others.
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
  const order = [clients.homeRegion, ...regions.filter((region) => region !== clients.homeRegion)];
  const pairs = order.flatMap((region) =>
    services
      .filter((service) => (service.scope === 'global' ? region === clients.homeRegion : regions.includes(region)))
      .map((service) => ({ service, region })),
  );
  const pending = new Map<string, number>();
  for (const { region } of pairs) pending.set(region, (pending.get(region) ?? 0) + 1);
  const slots = pLimit(PAIRS_IN_FLIGHT);
  await Promise.all(
    pairs.map(({ service, region }) =>
      slots(async () => {
        try {
          const entry = await collectService(service, clients, { region, ...identity }, run);
          if (service.scope === 'global') sections[service.name] = entry;
          else (sections[service.name] as Record<string, unknown>)[region] = entry;
          onRegionDone?.(service.name, region);
        } finally {
          const left = pending.get(region)! - 1;
          pending.set(region, left);
          if (left === 0) clients.releaseRegion(region);
        }
      }),
    ),
  );
  return sections;
}
