import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import { CLOUDTRAIL_LISTINGS, CLOUDTRAIL_PER_RESOURCE } from './schema.ts';
import { defineService, type ChangeEvent, type OperationContext } from '../define-service.ts';
import { resourceArn } from '../define-state.ts';
import { idsIn } from '../change-event.ts';

/**
 * The trails whose home is this region: DescribeTrails with shadow trails lists multi-region trails in every
 * region, but their status and selectors are asked once, in their home region, keyed by ARN.
 */
function homeTrails(answers: Readonly<Record<string, unknown>>, context: OperationContext): string[] {
  const trails =
    (answers.DescribeTrails as { trailList?: { TrailARN?: string; HomeRegion?: string }[] } | undefined)?.trailList ??
    [];
  return trails.flatMap((t) =>
    t.TrailARN && (t.HomeRegion === undefined || t.HomeRegion === context.region) ? [t.TrailARN] : [],
  );
}

const trailArn = resourceArn('cloudtrail', 'trail');

/** The trail names an event gives (`name` or `trailName`, a name or an ARN; CreateTrail's `trailARN`). */
function trailNames(event: ChangeEvent): string[] {
  const given = idsIn(
    event,
    ['name', 'trailName', 'trailARN'],
    /^(arn:[^:]+:cloudtrail:[^:]*:\d{12}:trail\/)?[\w.-]{3,128}$/,
  );
  return [...new Set(given.map((g) => g.slice(g.lastIndexOf('/') + 1)))].sort();
}

/** CloudTrail evidence of one region (see docs/snapshot.md, section cloudtrail). */
export default defineService({
  name: 'cloudtrail',
  title: 'AWS CloudTrail',
  scope: 'regional',
  client: CloudTrailClient,
  operations: {
    DescribeTrails: {
      command: DescribeTrailsCommand,
      input: () => ({ includeShadowTrails: true }),
      response: CLOUDTRAIL_LISTINGS.DescribeTrails,
      iam: ['cloudtrail:DescribeTrails'],
    },
    GetTrailStatus: {
      command: GetTrailStatusCommand,
      perResource: {
        after: ['DescribeTrails'],
        targets: (answers, context) => homeTrails(answers, context).map((arn) => ({ key: arn, input: { Name: arn } })),
      },
      response: CLOUDTRAIL_PER_RESOURCE.GetTrailStatus,
      iam: ['cloudtrail:GetTrailStatus'],
    },
    GetEventSelectors: {
      command: GetEventSelectorsCommand,
      perResource: {
        after: ['DescribeTrails'],
        targets: (answers, context) =>
          homeTrails(answers, context).map((arn) => ({ key: arn, input: { TrailName: arn } })),
      },
      response: CLOUDTRAIL_PER_RESOURCE.GetEventSelectors,
      iam: ['cloudtrail:GetEventSelectors'],
    },
  },
  keyed: [
    {
      kind: 'cloudtrail-trail',
      keys: trailNames,
      // a name no trail has is no error: the list comes back without it, which the rescan reads as deleted
      narrow: { DescribeTrails: (key) => ({ trailNameList: [key], includeShadowTrails: true }) },
      notFound: ['TrailNotFoundException'],
      arn: (key, context) => trailArn({ ...context, id: key }),
      deletedBy: ['DeleteTrail'],
    },
  ],
});
