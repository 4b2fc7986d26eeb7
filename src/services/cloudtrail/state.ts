import type { Observed } from '../../model/observed.ts';
import { defineServiceState, notCollected, resourceArn } from '../define-state.ts';
import type { CloudTrailState, CloudTrailTrail } from './model.ts';
import { normaliseCloudTrail } from './normalise.ts';

/**
 * DescribeTrails for account-wide checks: every region's listing includes the multi-region trails, so one
 * answered region is enough; with none answered, the first failure is the reason.
 */
function anyTrailListing(state: CloudTrailState): Observed<unknown> {
  const observed = Object.values(state.listings);
  return (
    observed.find((o) => o.kind === 'present') ??
    observed.find((o) => o.kind === 'error') ??
    notCollected('cloudtrail:DescribeTrails')
  );
}

/** AWS CloudTrail in the account state: `state.cloudtrail` (trails, once each, with status and selectors). */
export default defineServiceState({
  sections: ['cloudtrail'],
  normalise: (snapshot, context) => {
    const { cloudtrail, gaps } = normaliseCloudTrail(snapshot.cloudtrail ?? {}, context);
    return { state: cloudtrail, gaps };
  },
  resources: {
    'cloudtrail-trail': {
      securityHubType: 'AwsCloudTrailTrail',
      arn: resourceArn('cloudtrail', 'trail'),
      of: (state: CloudTrailState) => state.trails,
    },
  },
  operations: {
    'cloudtrail:DescribeTrails': { scope: 'account', read: (state: CloudTrailState) => anyTrailListing(state) },
    'cloudtrail:GetTrailStatus': {
      scope: 'cloudtrail-trail',
      read: (_state: CloudTrailState, trail: CloudTrailTrail) => trail.status,
    },
    'cloudtrail:GetEventSelectors': {
      scope: 'cloudtrail-trail',
      read: (_state: CloudTrailState, trail: CloudTrailTrail) => trail.selectors,
    },
  },
});
