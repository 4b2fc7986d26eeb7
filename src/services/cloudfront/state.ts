import { defineServiceState, resourceArn } from '../define-state.ts';
import type { CloudFrontState } from './model.ts';
import { normaliseCloudFront } from './normalise.ts';

/** Amazon CloudFront in the account state: `state.cloudfront` (distributions, a global service). */
export default defineServiceState({
  sections: ['cloudfront'],
  normalise: (snapshot, context) => {
    const { cloudfront, gaps } = normaliseCloudFront(snapshot.cloudfront ?? {}, context);
    return { state: cloudfront, gaps };
  },
  resources: {
    'cloudfront-distribution': {
      securityHubType: 'AwsCloudFrontDistribution',
      arn: resourceArn('cloudfront', 'distribution', 'global'),
      of: (state: CloudFrontState) => state.distributions,
    },
  },
  operations: {
    'cloudfront:ListDistributions': { scope: 'account', read: (state: CloudFrontState) => state.listing },
  },
});
