/**
 * The SDK clients detection sources use. Created on first use only, so that local sources never need
 * credentials or a region. The trail bucket may live in any region: S3 follows region redirects.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { parseEndpoint } from '../../aws/clients.ts';

export interface DetectAwsOptions {
  profile?: string;
  /** region for S3 (default: AWS_REGION, else us-east-1; other regions are reached by redirect) */
  region?: string;
  /** send S3 and SQS calls here instead of AWS (an emulator, a VPC endpoint); S3 then uses path-style addressing */
  endpointUrl?: string;
}

export class DetectAwsClients {
  private s3Client: S3Client | undefined;
  private readonly sqsClients = new Map<string, SQSClient>();
  private readonly credentials;
  private readonly endpoint: string | undefined;

  constructor(private readonly options: DetectAwsOptions = {}) {
    this.credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
    this.endpoint = options.endpointUrl === undefined ? undefined : parseEndpoint(options.endpointUrl).href;
  }

  s3(): S3Client {
    this.s3Client ??= new S3Client({
      region: this.options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      credentials: this.credentials,
      followRegionRedirects: true,
      ...(this.endpoint ? { endpoint: this.endpoint, forcePathStyle: true } : {}),
      retryMode: 'adaptive',
      maxAttempts: 6,
    });
    return this.s3Client;
  }

  /** SQS signs for the queue's own region, read from its URL. */
  sqs(region: string): SQSClient {
    let client = this.sqsClients.get(region);
    if (!client) {
      client = new SQSClient({ region, credentials: this.credentials, retryMode: 'adaptive', maxAttempts: 6, ...(this.endpoint ? { endpoint: this.endpoint } : {}) });
      this.sqsClients.set(region, client);
    }
    return client;
  }

  destroy(): void {
    this.s3Client?.destroy();
    for (const client of this.sqsClients.values()) client.destroy();
  }
}
