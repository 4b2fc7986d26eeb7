/**
 * The SDK clients detection sources use, from the shared client factory. Created on first use only, so that
 * local sources never need credentials or a region. The trail bucket may live in any region: S3 follows
 * region redirects.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { AwsClients, type AwsClientOptions } from '../../aws/clients.ts';

export interface DetectAwsClients {
  s3(): S3Client;
  /** SQS signs for the queue's own region, read from its URL. */
  sqs(region: string): SQSClient;
  destroy(): void;
}

/** `homeRegion` is S3's (default: AWS_REGION or the profile's, else us-east-1; other regions are reached by redirect). */
export async function detectAwsClients(options: AwsClientOptions = {}): Promise<DetectAwsClients> {
  const shared = await AwsClients.create(options);
  return {
    s3: () => shared.s3(shared.homeRegion, { followRegionRedirects: true }),
    sqs: (region) => shared.client(SQSClient, region),
    destroy: () => shared.destroy(),
  };
}
