import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand, ListMalwareProtectionPlansCommand } from '@aws-sdk/client-guardduty';
import { GUARDDUTY_LISTINGS, GUARDDUTY_PER_RESOURCE } from '../model/guardduty-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { perResource } from './token-pages.ts';

/** A region has at most one detector; the bound only guards against a malformed answer. */
const MAX_DETECTORS = 10;

/** GuardDuty evidence of one region (see docs/snapshot.md, section guardduty). */
export const guarddutyCollector: RegionalServiceCollector = {
  service: 'guardduty',
  async collectRegion(context: RegionContext) {
    const guardduty = context.clients.client(GuardDutyClient, context.region);
    const [ListDetectors, ListMalwareProtectionPlans] = await Promise.all([
      context.paginate('ListDetectors', GUARDDUTY_LISTINGS.ListDetectors, 'DetectorIds', (NextToken, abortSignal) =>
        guardduty.send(new ListDetectorsCommand({ NextToken, MaxResults: 50 }), { abortSignal }),
      ),
      context.paginate('ListMalwareProtectionPlans', GUARDDUTY_LISTINGS.ListMalwareProtectionPlans, 'MalwareProtectionPlans', (NextToken, abortSignal) =>
        guardduty.send(new ListMalwareProtectionPlansCommand({ NextToken }), { abortSignal }),
      ),
    ]);
    const ids = (ListDetectors as { DetectorIds?: string[] } | undefined)?.DetectorIds ?? [];
    const GetDetector = await perResource(ids, MAX_DETECTORS, (DetectorId) =>
      context.call('GetDetector', GUARDDUTY_PER_RESOURCE.GetDetector, (abortSignal) => guardduty.send(new GetDetectorCommand({ DetectorId }), { abortSignal })),
    );
    return { ListDetectors, ListMalwareProtectionPlans, GetDetector };
  },
};
