/**
 * s3://bucket/prefix: lists the objects in key order (ListObjectsV2, paginated) and reads them, a few ahead.
 * CloudTrail keys sort by account, region, then date, so key order is also time order within a region.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { accessErrorFor, errorRecord, isCredentialError } from '../../aws/aws-errors.ts';
import type { DetectionUnit } from '../pipeline/run-detection.ts';
import type { Checkpoint } from './checkpoint.ts';
import { LARGE_FILE_BYTES } from './local-files.ts';
import { prefetchOrdered } from './prefetch.ts';
import { mayHoldEvents, type TimeWindow } from './time-window.ts';

/** objects read ahead of the matcher */
const READ_AHEAD = 8;
const LOG_KEY = /\.(json|jsonl|ndjson)(\.gz)?$/i;

export interface ObjectToRead {
  bucket: string;
  key: string;
  versionId?: string;
  size?: number;
}

export interface S3SourceOptions {
  client: S3Client;
  uri: string;
  bucket: string;
  prefix: string;
  window: TimeWindow;
  checkpoint?: Checkpoint;
  signal?: AbortSignal;
}

export function s3Units(options: S3SourceOptions): AsyncGenerator<DetectionUnit> {
  const { checkpoint, uri } = options;
  return prefetchOrdered(
    listLogObjects(options),
    async (object) => {
      const unit = await readObject(options.client, object, options.signal);
      if (checkpoint) unit.settle = (outcome) => checkpoint.settle(uri, object.key, outcome.complete);
      return unit;
    },
    READ_AHEAD,
  );
}

async function* listLogObjects(options: S3SourceOptions): AsyncGenerator<ObjectToRead> {
  const { client, bucket, prefix, window } = options;
  const startAfter = options.checkpoint?.lastKey(options.uri);
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix || undefined,
          ContinuationToken: token,
          StartAfter: token ? undefined : startAfter,
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      if (options.signal?.aborted) return;
      throw accessErrorFor(error, `ListObjectsV2 s3://${bucket}/${prefix}`);
    }
    for (const object of page.Contents ?? []) {
      const key = object.Key;
      if (!key || key.endsWith('/') || !LOG_KEY.test(key) || key.includes('/CloudTrail-Digest/')) continue;
      if (!mayHoldEvents(window, key)) continue;
      yield { bucket, key, size: object.Size };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** GetObject: small objects are read whole (then matched on a worker), large ones streamed through the main thread. */
export async function readObject(client: S3Client, object: ObjectToRead, signal?: AbortSignal): Promise<DetectionUnit> {
  const label = `s3://${object.bucket}/${object.key}`;
  try {
    const response = await client.send(
      new GetObjectCommand({ Bucket: object.bucket, Key: object.key, VersionId: object.versionId }),
      { abortSignal: signal },
    );
    const body = response.Body;
    if (!body) return { label, failure: 'GetObject returned no body' };
    const size = response.ContentLength ?? object.size ?? 0;
    if (size > LARGE_FILE_BYTES) return { label, size, stream: body as AsyncIterable<Uint8Array> };
    const data = await body.transformToByteArray();
    return { label, size: data.byteLength, task: { kind: 'bytes', data } };
  } catch (error) {
    if (isCredentialError(error)) throw accessErrorFor(error, 'GetObject');
    const record = errorRecord(error);
    return { label, failure: `GetObject ${record.name}: ${record.message}` };
  }
}
