import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CLOUDTRAIL_LISTINGS, CLOUDTRAIL_PER_RESOURCE } from '../model/cloudtrail-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/**
 * CloudTrail evidence of one region: DescribeTrails (with the shadow copies of multi-region trails), then
 * status and event selectors of the trails whose home is this region (asked once per trail, keyed by ARN).
 */
export const cloudtrailCollector: RegionalServiceCollector = {
  service: 'cloudtrail',
  async collectRegion(context: RegionContext) {
    const client = context.clients.client(CloudTrailClient, context.region);
    const DescribeTrails = await context.call('DescribeTrails', CLOUDTRAIL_LISTINGS.DescribeTrails, (abortSignal) =>
      client.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal }),
    );
    const homeTrails = trailsOf(DescribeTrails).filter((t) => t.HomeRegion === undefined || t.HomeRegion === context.region);
    const perTrail = await Promise.all(
      homeTrails.map(async ({ TrailARN }) => {
        const [status, selectors] = await Promise.all([
          context.call('GetTrailStatus', CLOUDTRAIL_PER_RESOURCE.GetTrailStatus, (abortSignal) =>
            client.send(new GetTrailStatusCommand({ Name: TrailARN }), { abortSignal }),
          ),
          context.call('GetEventSelectors', CLOUDTRAIL_PER_RESOURCE.GetEventSelectors, (abortSignal) =>
            client.send(new GetEventSelectorsCommand({ TrailName: TrailARN }), { abortSignal }),
          ),
        ]);
        return { TrailARN, status, selectors };
      }),
    );
    const keyed = (pick: (t: (typeof perTrail)[number]) => unknown) =>
      Object.fromEntries(perTrail.flatMap((t) => (pick(t) === undefined ? [] : [[t.TrailARN, pick(t)]])));
    return {
      DescribeTrails,
      ...(perTrail.length > 0 ? { GetTrailStatus: keyed((t) => t.status), GetEventSelectors: keyed((t) => t.selectors) } : {}),
    };
  },
};

function trailsOf(listing: unknown): { TrailARN: string; HomeRegion?: string }[] {
  const trails = (listing as { trailList?: { TrailARN?: string; HomeRegion?: string }[] } | undefined)?.trailList ?? [];
  return trails.flatMap((t) => (t.TrailARN ? [{ TrailARN: t.TrailARN, ...(t.HomeRegion ? { HomeRegion: t.HomeRegion } : {}) }] : []));
}
