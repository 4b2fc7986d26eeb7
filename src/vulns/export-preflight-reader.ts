import { GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  PutBucketPolicyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { accessErrorFor, awsErrorName, errorRecord } from '../aws/aws-errors.ts';
import { regionFromLocationConstraint } from '../aws/regions.ts';
import type { Observed } from '../model/observed.ts';
import type { PreflightEvidence, ServerSideEncryptionRule } from './preflight.ts';

/** The "not configured" answers: facts for the preflight, not failures. */
const ABSENT = new Set(['NoSuchBucketPolicy', 'ServerSideEncryptionConfigurationNotFoundError']);

async function observe<T>(operation: string, call: () => Promise<T | undefined>): Promise<Observed<T>> {
  try {
    const value = await call();
    return value === undefined ? { kind: 'absent', errorName: 'empty response' } : { kind: 'present', value };
  } catch (error) {
    const name = awsErrorName(error);
    if (ABSENT.has(name)) return { kind: 'absent', errorName: name };
    return { kind: 'error', operation, error: errorRecord(error) };
  }
}

export interface PreflightClients {
  s3: S3Client;
  kms: KMSClient;
}

/** Reads the bucket's region, policy and default encryption and the key policy; never throws for one failed read. */
export async function readPreflightEvidence(
  clients: PreflightClients,
  bucket: string,
  kmsKeyArn: string,
): Promise<PreflightEvidence> {
  const [bucketRegion, bucketPolicy, bucketEncryption, keyPolicy] = await Promise.all([
    observe('s3:GetBucketLocation', async () => {
      const out = await clients.s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
      return regionFromLocationConstraint(out.LocationConstraint);
    }),
    observe(
      's3:GetBucketPolicy',
      async () => (await clients.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy,
    ),
    observe<ServerSideEncryptionRule[]>('s3:GetBucketEncryption', async () => {
      const out = await clients.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
      return out.ServerSideEncryptionConfiguration?.Rules;
    }),
    observe(
      'kms:GetKeyPolicy',
      async () => (await clients.kms.send(new GetKeyPolicyCommand({ KeyId: kmsKeyArn, PolicyName: 'default' }))).Policy,
    ),
  ]);
  return { bucketRegion, bucketPolicy, bucketEncryption, keyPolicy };
}

export async function putBucketPolicy(s3: S3Client, bucket: string, policy: string): Promise<void> {
  try {
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  } catch (error) {
    throw accessErrorFor(error, `s3:PutBucketPolicy ${bucket}`);
  }
}

export async function putKeyPolicy(kms: KMSClient, kmsKeyArn: string, policy: string): Promise<void> {
  try {
    await kms.send(new PutKeyPolicyCommand({ KeyId: kmsKeyArn, PolicyName: 'default', Policy: policy }));
  } catch (error) {
    throw accessErrorFor(error, `kms:PutKeyPolicy ${kmsKeyArn}`);
  }
}
