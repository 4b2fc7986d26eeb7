import {
  GetBucketLocationCommand,
  ListBucketsCommand,
  NoSuchBucket,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as ControlGetPublicAccessBlockCommand,
  S3ControlClient,
  S3ControlServiceException,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import s3Service from '../../src/services/s3/index.ts';
import { BUCKET_OPERATION_NAMES, type BucketEntry, type BucketOperation } from '../../src/services/s3/schema.ts';
import { ACCOUNT_ID } from '../support/snapshot-builders.ts';

/**
 * An AWS account behind aws-sdk-client-mock, answering like S3 does: each bucket answers only in its own
 * region (elsewhere: 301 PermanentRedirect naming it), errors are the SDK's own exception classes with the
 * name, `$fault`, `$metadata.httpStatusCode` and XML body fields the SDK sets from a real response.
 */

const STATUS_OF: Record<string, number> = {
  AccessDenied: 403,
  SlowDown: 503,
  ThrottlingException: 400,
  InternalError: 500,
  NoSuchBucket: 404,
  PermanentRedirect: 301,
  AuthorizationHeaderMalformed: 400,
  ExpiredToken: 403,
  InvalidClientTokenId: 403,
};

function statusOf(name: string): number {
  return STATUS_OF[name] ?? (name.startsWith('NoSuch') || name.endsWith('NotFoundError') ? 404 : 400);
}

let requestCounter = 0;
function metadata(httpStatusCode: number) {
  requestCounter += 1;
  return {
    httpStatusCode,
    requestId: `REQ${String(requestCounter).padStart(12, '0')}`,
    extendedRequestId: 'x1Z2y3X4w5V6u7T8s9R0q1P2o3N4m5L6k7J8i9H0',
    attempts: 1,
    totalRetryDelay: 0,
  };
}

/** An S3 error exactly as the SDK's XML error deserialiser builds it (name = Code, body fields copied, `$response` kept). */
export function s3Error(
  name: string,
  message: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const status = statusOf(name);
  const meta = metadata(status);
  const error = new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: meta, message });
  Object.assign(error, { Code: name, ...fields, RequestId: meta.requestId, HostId: meta.extendedRequestId });
  Object.defineProperty(error, '$response', {
    value: { statusCode: status, headers: { 'content-type': 'application/xml', ...headers }, body: undefined },
    enumerable: false,
  });
  return error;
}

/** S3 names the bucket's region in the header and in the Endpoint field of the body. */
export function permanentRedirect(bucket: string, region: string) {
  return s3Error(
    'PermanentRedirect',
    'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    { Endpoint: `${bucket}.s3.${region}.amazonaws.com`, Bucket: bucket },
    { 'x-amz-bucket-region': region },
  );
}

export function noSuchBucket(bucket: string) {
  const error = new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: metadata(404) });
  Object.assign(error, { Code: 'NoSuchBucket', BucketName: bucket });
  return error;
}

export function stsError(name: string, message: string) {
  const status = statusOf(name);
  return new STSServiceException({ name, $fault: 'client', $metadata: metadata(status), message });
}

export function s3ControlError(name: string, message: string) {
  const status = statusOf(name);
  const error = new S3ControlServiceException({ name, $fault: 'client', $metadata: metadata(status), message });
  Object.assign(error, { Code: name });
  return error;
}

type Answer = object | Error;
/** An answer, or a function of the call number (1-based) for this bucket and operation. */
export type FakeAnswer = Answer | ((call: number) => Answer);

export interface FakeBucket {
  region: string;
  creationDate?: Date;
  /** false: ListBuckets leaves out BucketRegion (older SDK behaviour) and GetBucketLocation is asked */
  listRegion?: boolean;
  /** GetBucketLocation's answer when asked; default: the LocationConstraint of `region` */
  location?: FakeAnswer;
  /** per-operation answers: SDK outputs, or errors from the helpers above */
  answers?: Partial<Record<BucketOperation, FakeAnswer>>;
  /** deleted after this many per-bucket calls: every later call answers NoSuchBucket */
  deletedAfterCalls?: number;
  /** how S3 refuses a call in the wrong region: 301 PermanentRedirect (default), or a SigV4 region mismatch */
  wrongRegionError?: 'PermanentRedirect' | 'AuthorizationHeaderMalformed';
}

export interface FakeAccount {
  accountId?: string;
  arn?: string;
  buckets: Record<string, FakeBucket>;
  /** ListBuckets page size the fake uses when it is below the requested MaxBuckets */
  pageSize?: number;
  accountPublicAccessBlock?: FakeAnswer;
  identity?: FakeAnswer;
  /** delay per call, to measure the scheduler (bench) */
  latencyMs?: number;
}

/** Turns a snapshot entry (responses or `{ error }` records) into the answers an SDK would give. */
export function answersFromEntry(entry: BucketEntry): Partial<Record<BucketOperation, FakeAnswer>> {
  const answers: Partial<Record<BucketOperation, FakeAnswer>> = {};
  for (const op of BUCKET_OPERATION_NAMES) {
    const value = entry[op] as unknown;
    if (value === undefined) continue;
    answers[op] =
      value !== null && typeof value === 'object' && 'error' in value
        ? s3Error(
            (value as { error: { name: string } }).error.name,
            (value as { error: { message: string } }).error.message,
          )
        : (value as object);
  }
  return answers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function authorizationHeaderMalformed(askedRegion: string, region: string) {
  return s3Error(
    'AuthorizationHeaderMalformed',
    `The authorization header is malformed; the region '${askedRegion}' is wrong; expecting '${region}'`,
    { Region: region },
  );
}

/** The SDK command class behind each operation, taken from the S3 declaration so both agree. */
function commandClassOf(op: BucketOperation) {
  return s3Service.groupedResources!.buckets!.operations[op]!.command as unknown as typeof GetBucketLocationCommand;
}

export function installFakeAccount(account: FakeAccount) {
  const s3 = mockClient(S3Client);
  const s3Control = mockClient(S3ControlClient);
  const sts = mockClient(STSClient);
  const accountId = account.accountId ?? ACCOUNT_ID;
  const calls = {
    total: 0,
    inFlight: 0,
    maxInFlight: 0,
    byOperation: new Map<string, number>(),
    byBucket: new Map<string, number>(),
    regionsAsked: [] as string[],
  };
  const counters = new Map<string, number>();

  const answer = async (key: string, value: FakeAnswer | undefined, fallback: () => object) => {
    calls.total += 1;
    calls.inFlight += 1;
    calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
    try {
      if (account.latencyMs) await sleep(account.latencyMs);
    } finally {
      calls.inFlight -= 1;
    }
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const resolved = typeof value === 'function' ? value(n) : (value ?? fallback());
    if (resolved instanceof Error) throw resolved;
    return { ...resolved, $metadata: metadata(200) };
  };

  sts.on(GetCallerIdentityCommand).callsFake(() =>
    answer('sts', account.identity, () => ({
      UserId: 'AIDASAMPLEUSERID12345',
      Account: accountId,
      Arn: account.arn ?? `arn:aws:iam::${accountId}:user/auditor`,
    })),
  );
  s3Control.on(ControlGetPublicAccessBlockCommand).callsFake(() =>
    answer('s3control', account.accountPublicAccessBlock, () => ({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    })),
  );

  const names = Object.keys(account.buckets);
  s3.on(ListBucketsCommand).callsFake((input: { MaxBuckets?: number; ContinuationToken?: string }) => {
    const size = Math.min(input.MaxBuckets ?? 10_000, account.pageSize ?? Number.MAX_SAFE_INTEGER);
    const start = input.ContinuationToken ? Number(Buffer.from(input.ContinuationToken, 'base64').toString('utf8')) : 0;
    const page = names.slice(start, start + size);
    const next = start + size < names.length ? Buffer.from(String(start + size)).toString('base64') : undefined;
    return answer(`list${start}`, undefined, () => ({
      Buckets: page.map((name) => {
        const b = account.buckets[name]!;
        return {
          Name: name,
          CreationDate: b.creationDate ?? new Date('2024-01-01T00:00:00.000Z'),
          ...(b.listRegion === false ? {} : { BucketRegion: b.region }),
          BucketArn: `arn:aws:s3:::${name}`,
        };
      }),
      Owner: { DisplayName: 'auditor', ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
      ...(next ? { ContinuationToken: next } : {}),
    }));
  });

  const bucketCall = (name: string) => {
    const n = (calls.byBucket.get(name) ?? 0) + 1;
    calls.byBucket.set(name, n);
    const bucket = account.buckets[name];
    return bucket && (bucket.deletedAfterCalls === undefined || n <= bucket.deletedAfterCalls) ? bucket : undefined;
  };

  s3.on(GetBucketLocationCommand).callsFake((input: { Bucket: string }) => {
    const bucket = bucketCall(input.Bucket);
    if (!bucket) return answer('gone', noSuchBucket(input.Bucket), () => ({}));
    // GetBucketLocation answers from any region; us-east-1 has no LocationConstraint.
    return answer(`${input.Bucket}:location`, bucket.location, () =>
      bucket.region === 'us-east-1' ? {} : { LocationConstraint: bucket.region },
    );
  });

  for (const op of BUCKET_OPERATION_NAMES) {
    s3.on(commandClassOf(op)).callsFake(async (input: { Bucket: string }, getClient: () => S3Client) => {
      calls.byOperation.set(op, (calls.byOperation.get(op) ?? 0) + 1);
      const region = await getClient().config.region();
      calls.regionsAsked.push(`${input.Bucket}@${region}:${op}`);
      const bucket = bucketCall(input.Bucket);
      if (!bucket) return answer('gone', noSuchBucket(input.Bucket), () => ({}));
      if (region !== bucket.region) {
        const refusal =
          bucket.wrongRegionError === 'AuthorizationHeaderMalformed'
            ? authorizationHeaderMalformed(region, bucket.region)
            : permanentRedirect(input.Bucket, bucket.region);
        return answer('redirect', refusal, () => ({}));
      }
      return answer(`${input.Bucket}:${op}`, bucket.answers?.[op], () => ({}));
    });
  }

  return {
    s3,
    s3Control,
    sts,
    calls,
    restore() {
      s3.restore();
      s3Control.restore();
      sts.restore();
    },
  };
}
