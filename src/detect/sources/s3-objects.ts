/**
 * s3://bucket/prefix: lists the objects in key order (ListObjectsV2, paginated) and reads them, a few ahead.
 * CloudTrail keys sort by account, region, then date, so key order is also time order within a region.
 *
 * With --checkpoint the prefix is walked as a tree (Delimiter '/'), so that each partition resumes on its own:
 * a directory whose subdirectories are dates (`…/REGION/` above `YYYY/MM/DD/`, or any `YYYY/`, `YYYY/MM/`,
 * `YYYY/MM/DD/` directory) is one partition, listed flat from where its checkpoint stands, so years of logs
 * are not listed again; every other directory is listed level by level, its own files being a partition that
 * remembers each key read. New accounts, regions and directories show up in the walk by themselves.
 */
import {
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { accessErrorFor, errorRecord, isCredentialError } from '../../aws/aws-errors.ts';
import type { DetectionUnit } from '../pipeline/run-detection.ts';
import type { Checkpoint, SourceProgress } from './checkpoint.ts';
import { LARGE_FILE_BYTES } from './local-files.ts';
import { prefetchOrdered } from './prefetch.ts';
import { firstDayDir, mayHoldEvents, type TimeWindow } from './time-window.ts';

/** objects read ahead of the matcher */
const READ_AHEAD = 8;
const LOG_KEY = /\.(json|jsonl|ndjson)(\.gz)?$/i;
const DIGEST_DIR = /(?:^|\/)CloudTrail-Digest\/$/;
/** a directory named by a date: the group is the directory above the dates (the partition) */
const DATE_DIR = /^((?:.*\/)?)(2\d{3})\/(?:(?:0[1-9]|1[0-2])\/(?:(?:0[1-9]|[12]\d|3[01])\/)?)?$/;

export interface ObjectToRead {
  bucket: string;
  key: string;
  versionId?: string;
  size?: number;
}

/** an object to read and the checkpoint partition it belongs to */
interface Listed extends ObjectToRead {
  partition?: string;
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
  const progress = options.checkpoint?.source(options.uri);
  return prefetchOrdered(
    progress ? walkSource(options, progress) : listAll(options),
    async (object: Listed) => {
      const unit = await readObject(options.client, object, options.signal);
      const { partition } = object;
      if (progress && partition !== undefined)
        unit.settle = (outcome) => progress.settle(partition, object.key, outcome.complete);
      return unit;
    },
    READ_AHEAD,
  );
}

/** Without a checkpoint: one flat listing of the prefix (the fewest requests). */
async function* listAll(options: S3SourceOptions): AsyncGenerator<Listed> {
  for await (const page of listPages(options, { prefix: options.prefix })) {
    for (const object of page.Contents ?? []) {
      const key = object.Key;
      if (key && isLogKey(key) && mayHoldEvents(options.window, key))
        yield { bucket: options.bucket, key, size: object.Size };
    }
  }
}

async function* walkSource(options: S3SourceOptions, progress: SourceProgress): AsyncGenerator<Listed> {
  yield* walk(options, progress, options.prefix);
  if (!options.signal?.aborted) await progress.listingFinished();
}

async function* walk(options: S3SourceOptions, progress: SourceProgress, prefix: string): AsyncGenerator<Listed> {
  const dated = DATE_DIR.exec(prefix.slice(0, prefix.lastIndexOf('/') + 1));
  if (dated) {
    yield* listDated(options, progress, prefix, dated[1]!);
    return;
  }
  for await (const page of listPages(options, { prefix, delimiter: '/' })) {
    for (const entry of inKeyOrder(page)) {
      if (typeof entry === 'string') {
        if (!DIGEST_DIR.test(entry)) yield* walk(options, progress, entry);
        continue;
      }
      if (entry.Key) progress.found(prefix, entry.Key);
      const listed = consider(options, progress, prefix, entry);
      if (listed) yield listed;
    }
  }
}

/** A dated subtree of partition `root`, from where the checkpoint (or --since) lets it start. */
async function* listDated(
  options: S3SourceOptions,
  progress: SourceProgress,
  prefix: string,
  root: string,
): AsyncGenerator<Listed> {
  let start = progress.after(root);
  const sinceDay = firstDayDir(options.window);
  if (sinceDay !== undefined && (start === undefined || root + sinceDay > start)) start = root + sinceDay;
  // every key below `prefix` sorts before `start`
  if (start !== undefined && start > prefix && !start.startsWith(prefix)) return;
  const startAfter = start !== undefined && start > prefix ? start : undefined;
  for await (const page of listPages(options, { prefix, startAfter })) {
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      const listed = consider(options, progress, root, object);
      progress.listed(root, object.Key);
      if (listed) yield listed;
    }
  }
}

/** A listed object: to read, or already read, or left for later by --until, or before --since. */
function consider(
  options: S3SourceOptions,
  progress: SourceProgress,
  partition: string,
  object: { Key?: string; Size?: number; LastModified?: Date },
): Listed | undefined {
  const key = object.Key;
  if (!key || !isLogKey(key) || progress.isRead(partition, key, object.LastModified)) return undefined;
  const { since, until } = options.window;
  if (!mayHoldEvents({ until }, key)) {
    progress.deferred(partition, key);
    return undefined;
  }
  if (!mayHoldEvents({ since }, key)) return undefined;
  progress.reading(partition, key);
  return { bucket: options.bucket, key, size: object.Size, partition };
}

function isLogKey(key: string): boolean {
  return !key.endsWith('/') && LOG_KEY.test(key) && !key.includes('/CloudTrail-Digest/');
}

/** A Delimiter page's files and subdirectories (strings) merged in key order, as S3 pages through them. */
function inKeyOrder(
  page: ListObjectsV2CommandOutput,
): (string | NonNullable<ListObjectsV2CommandOutput['Contents']>[number])[] {
  const dirs = (page.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : []));
  const files = page.Contents ?? [];
  const merged: (string | (typeof files)[number])[] = [];
  let d = 0;
  for (const file of files) {
    while (d < dirs.length && dirs[d]! < (file.Key ?? '')) merged.push(dirs[d++]!);
    merged.push(file);
  }
  return [...merged, ...dirs.slice(d)];
}

async function* listPages(
  options: S3SourceOptions,
  input: { prefix: string; delimiter?: string; startAfter?: string },
): AsyncGenerator<ListObjectsV2CommandOutput> {
  const { client, bucket } = options;
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: input.prefix || undefined,
          Delimiter: input.delimiter,
          ContinuationToken: token,
          StartAfter: token ? undefined : input.startAfter,
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      if (options.signal?.aborted) return;
      throw accessErrorFor(error, `ListObjectsV2 s3://${bucket}/${input.prefix}`);
    }
    yield page;
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
