import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CLOUDFRONT_OPERATIONS } from './schema.ts';
import { defineService } from '../define-service.ts';

/**
 * CloudFront distributions (a global service, collected once; see docs/snapshot.md, section cloudfront). The SDK
 * sends every region's client to the one CloudFront endpoint (signed for us-east-1), so the home region serves.
 * Pages are walked inside `DistributionList` and stored as one list.
 */
export default defineService({
  name: 'cloudfront',
  title: 'Amazon CloudFront',
  scope: 'global',
  client: CloudFrontClient,
  operations: {
    ListDistributions: {
      command: ListDistributionsCommand,
      // the page is the inner list; $metadata rides along so retries are still counted
      page: (output) => ({ ...(output.DistributionList as object), $metadata: output.$metadata }),
      // the request's Marker is echoed back
      pages: { input: 'Marker', output: 'NextMarker', more: 'IsTruncated', items: ['Items'], drop: ['Marker'] },
      store: (list) => ({ DistributionList: { ...list, Quantity: (list.Items as unknown[]).length } }),
      response: CLOUDFRONT_OPERATIONS.ListDistributions,
      iam: ['cloudfront:ListDistributions'],
    },
  },
});
