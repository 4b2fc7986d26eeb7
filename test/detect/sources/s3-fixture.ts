import { S3Client } from '@aws-sdk/client-s3';
import { Checkpoint } from '../../../src/detect/sources/checkpoint.ts';
import { s3Units } from '../../../src/detect/sources/s3-objects.ts';
import type { TimeWindow } from '../../../src/detect/sources/time-window.ts';
import {
  fakeS3Bucket,
  requestHandlerFor,
  type FakeRequest,
  type FakeResponse,
  type FakeS3Object,
} from '../../aws/fake-aws-http.ts';

export const BUCKET = 'trail-bucket';
export const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** `AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_ID.json.gz` */
export function trailKey(
  account: string,
  region: string,
  day: string,
  hhmm: string,
  id = 'Xq3pT0fZ7LbR2mNc',
  org?: string,
): string {
  const compact = day.replace(/-/g, '');
  return `AWSLogs/${org ? `${org}/` : ''}${account}/CloudTrail/${region}/${day.replace(/-/g, '/')}/${account}_CloudTrail_${region}_${compact}T${hhmm}Z_${id}.json.gz`;
}

/** One StopLogging record per object, its eventID naming the object: an alert says which object it came from. */
export function logBody(key: string, eventTime = '2024-07-25T10:00:00Z'): string {
  const record = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEUSERID1234',
      arn: 'arn:aws:iam::111122223333:user/mallory',
      accountId: '111122223333',
      userName: 'mallory',
    },
    eventTime,
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' },
    responseElements: null,
    requestID: 'b7a1c9f0-6f3e-4a55-9d8e-0c2b4e6f8a10',
    eventID: key,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
  };
  return JSON.stringify({ Records: [record] });
}

export function putObjects(
  objects: Map<string, FakeS3Object>,
  keys: string[],
  lastModified = new Date('2024-07-29T12:00:00Z'),
): void {
  for (const key of keys) objects.set(key, { body: logBody(key), lastModified });
}

/** S3 through the real SDK stack (serialisation, signing, XML parsing), answered in process by a fake bucket. */
export function fakeS3(
  objects: Map<string, FakeS3Object>,
  options: { maxKeys?: number; failGet?: (key: string) => FakeResponse | undefined } = {},
) {
  const seen: FakeRequest[] = [];
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: 'http://s3.fake.test',
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
    requestHandler: requestHandlerFor(fakeS3Bucket(BUCKET, objects, options), seen),
  });
  return { client, seen, lists: () => seen.filter((r) => r.query['list-type'] === '2').map((r) => r.query) };
}

export interface RunResult {
  /** keys read completely, in order */
  read: string[];
  /** keys that could not be read */
  failed: string[];
}

/** One `detect` run over the source as the pipeline drives it: every unit settled in order once handled. */
export async function runSource(
  client: S3Client,
  prefix: string,
  checkpointPath: string,
  window: TimeWindow = {},
  now?: () => number,
): Promise<RunResult> {
  const checkpoint = await Checkpoint.open(checkpointPath, { now });
  const result: RunResult = { read: [], failed: [] };
  for await (const unit of s3Units({
    client,
    uri: `s3://${BUCKET}/${prefix}`,
    bucket: BUCKET,
    prefix,
    window,
    checkpoint,
  })) {
    const key = unit.label.slice(`s3://${BUCKET}/`.length);
    const complete = unit.failure === undefined;
    (complete ? result.read : result.failed).push(key);
    await unit.settle?.({ complete, bad: 0 });
  }
  return result;
}
