import {
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListMalwareProtectionPlansCommand,
} from '@aws-sdk/client-guardduty';
import { GUARDDUTY_LISTINGS, GUARDDUTY_PER_RESOURCE } from './schema.ts';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';

/** GuardDuty evidence of one region (see docs/snapshot.md, section guardduty). */
export default defineService({
  name: 'guardduty',
  title: 'Amazon GuardDuty',
  scope: 'regional',
  client: GuardDutyClient,
  operations: {
    ListDetectors: {
      command: ListDetectorsCommand,
      input: () => ({ MaxResults: 50 }),
      pages: nextTokenPages('DetectorIds'),
      response: GUARDDUTY_LISTINGS.ListDetectors,
      iam: ['guardduty:ListDetectors'],
    },
    ListMalwareProtectionPlans: {
      command: ListMalwareProtectionPlansCommand,
      pages: nextTokenPages('MalwareProtectionPlans'),
      response: GUARDDUTY_LISTINGS.ListMalwareProtectionPlans,
      iam: ['guardduty:ListMalwareProtectionPlans'],
    },
    GetDetector: {
      command: GetDetectorCommand,
      perResource: {
        after: ['ListDetectors'],
        targets: (answers) =>
          ((answers.ListDetectors as { DetectorIds?: string[] } | undefined)?.DetectorIds ?? []).map((id) => ({
            key: id,
            input: { DetectorId: id },
          })),
      },
      response: GUARDDUTY_PER_RESOURCE.GetDetector,
      iam: ['guardduty:GetDetector'],
    },
  },
});
