/**
 * Decodes the notification bodies that announce new S3 objects: what an SQS queue (or a Lambda) receives when
 * CloudTrail delivers a log file or somebody uploads an object. Shared by `detect` (sqs:// sources) and
 * `malware watch`. Pure: no AWS SDK here, the callers own the queue.
 *
 * Envelopes understood (outermost first, nested any way AWS nests them):
 * - SNS notification `{"Type":"Notification","Message":"<json string>"}` and the Lambda SNS event `{"Records":[{"Sns":{...}}]}`
 * - the Lambda SQS event `{"Records":[{"body":"<json string>", "eventSource":"aws:sqs"}]}`
 * - S3 event notification `{"Records":[{"eventSource":"aws:s3","s3":{...}}]}` (keys are form-URL-encoded)
 * - `s3:TestEvent`, sent once when a bucket notification is configured
 * - EventBridge `{"source":"aws.s3","detail-type":"Object Created",...}` (keys are verbatim, not encoded)
 * - CloudTrail's own SNS notification `{"s3Bucket":"...","s3ObjectKey":["..."]}` (keys verbatim)
 */
import { UserError } from '../errors.ts';

export interface ObjectRef {
  bucket: string;
  /** URL-decoded: S3 events encode keys, '+' is a space */
  key: string;
  versionId?: string;
  size?: number;
  eventName?: string;
  eventTime?: string;
  region?: string;
  sequencer?: string;
}

export type ParsedNotification =
  /** `skipped` names the records of a batch that were dropped (garbage, other event types) while the valid ones were kept */
  | { kind: 'objects'; objects: ObjectRef[]; skipped?: string[] }
  | { kind: 'test-event' }
  | { kind: 'ignored'; reason: string };

/** Nested envelopes deeper than this are refused: no real AWS delivery nests more than SQS > SNS > S3 event. */
const MAX_DEPTH = 4;

/**
 * Throws `UserError` for a body that is not JSON or not a known envelope. Inside a batch (`Records`), a bad record
 * is skipped with a reason and the valid ones are kept; the call throws only when nothing in the body is usable.
 */
export function parseNotificationBody(body: string): ParsedNotification {
  return fromText(body, 0, 'message body');
}

interface Accumulated {
  objects: ObjectRef[];
  skipped: string[];
  errors: string[];
  testEvent: boolean;
}

function fromText(text: string, depth: number, what: string): ParsedNotification {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${what} is not JSON (${(error as Error).message}): ${preview(text)}`);
  }
  return fromValue(value, depth, what);
}

function fromValue(value: unknown, depth: number, what: string): ParsedNotification {
  if (depth > MAX_DEPTH) throw new UserError(`${what}: notification envelopes nested too deeply`);
  if (!isObject(value)) throw new UserError(`${what} is not a JSON object: ${preview(JSON.stringify(value) ?? '')}`);

  if (typeof value.Type === 'string' && 'Message' in value) return fromSns(value, depth, what);
  if (value.Event === 's3:TestEvent') return { kind: 'test-event' };
  if ('s3Bucket' in value && 's3ObjectKey' in value) return fromCloudTrailNotification(value, what);
  if (typeof value['detail-type'] === 'string' && isObject(value.detail)) return fromEventBridge(value, what);
  if (Array.isArray(value.Records)) return fromRecords(value.Records, depth, what);
  throw new UserError(
    `${what} is not a known S3 notification envelope (keys: ${Object.keys(value).slice(0, 8).join(', ')})`,
  );
}

function fromSns(envelope: Record<string, unknown>, depth: number, what: string): ParsedNotification {
  if (envelope.Type !== 'Notification') return { kind: 'ignored', reason: `SNS ${String(envelope.Type)} message` };
  if (typeof envelope.Message !== 'string') throw new UserError(`${what}: SNS Message is not a string`);
  return fromText(envelope.Message, depth + 1, `${what} (SNS Message)`);
}

function fromCloudTrailNotification(value: Record<string, unknown>, what: string): ParsedNotification {
  const bucket = value.s3Bucket;
  const keys = value.s3ObjectKey;
  if (typeof bucket !== 'string' || bucket === '') throw new UserError(`${what}: s3Bucket is not a bucket name`);
  if (!Array.isArray(keys)) throw new UserError(`${what}: s3ObjectKey is not an array`);
  const objects: ObjectRef[] = [];
  const skipped: string[] = [];
  keys.forEach((key, index) => {
    if (typeof key === 'string' && key !== '') objects.push({ bucket, key });
    else skipped.push(`s3ObjectKey[${index}] is not a key`);
  });
  return objectsOrIgnored({ objects, skipped, errors: [], testEvent: false }, what);
}

function fromEventBridge(value: Record<string, unknown>, what: string): ParsedNotification {
  const detailType = value['detail-type'] as string;
  if (value.source !== 'aws.s3') return { kind: 'ignored', reason: `EventBridge event from ${String(value.source)}` };
  if (detailType !== 'Object Created') return { kind: 'ignored', reason: `EventBridge "${detailType}" event` };
  const detail = value.detail as Record<string, unknown>;
  const version = typeof detail['event-version'] === 'string' ? detail['event-version'] : '';
  if (version.split('.')[0] !== '1') {
    throw new UserError(`${what}: unsupported EventBridge S3 detail.event-version "${version}" (expected 1.x)`);
  }
  const bucket = isObject(detail.bucket) ? detail.bucket.name : undefined;
  const object = isObject(detail.object) ? detail.object : undefined;
  if (typeof bucket !== 'string' || !object || typeof object.key !== 'string') {
    throw new UserError(`${what}: EventBridge "Object Created" event without detail.bucket.name and detail.object.key`);
  }
  const ref: ObjectRef = { bucket, key: object.key, eventName: 'Object Created' };
  if (typeof object['version-id'] === 'string') ref.versionId = object['version-id'];
  if (typeof object.size === 'number') ref.size = object.size;
  if (typeof object.sequencer === 'string') ref.sequencer = object.sequencer;
  if (typeof value.time === 'string') ref.eventTime = value.time;
  if (typeof value.region === 'string') ref.region = value.region;
  return { kind: 'objects', objects: [ref] };
}

function fromRecords(records: unknown[], depth: number, what: string): ParsedNotification {
  const acc: Accumulated = { objects: [], skipped: [], errors: [], testEvent: false };
  records.forEach((record, index) => {
    const where = `${what} Records[${index}]`;
    try {
      collectRecord(record, depth, where, acc);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      acc.errors.push(error.message);
    }
  });
  if (acc.objects.length === 0 && acc.testEvent) return { kind: 'test-event' };
  if (acc.objects.length === 0 && acc.errors.length > 0) throw new UserError(acc.errors.join('; '));
  acc.skipped.push(...acc.errors);
  return objectsOrIgnored(acc, what);
}

function collectRecord(record: unknown, depth: number, where: string, acc: Accumulated): void {
  if (!isObject(record)) throw new UserError(`${where} is not an object`);
  let nested: ParsedNotification | undefined;
  if (isObject(record.s3)) {
    const eventName = typeof record.eventName === 'string' ? record.eventName : '';
    if (!eventName.startsWith('ObjectCreated:')) {
      acc.skipped.push(`${where}: S3 event "${eventName}" is not an object creation`);
      return;
    }
    acc.objects.push(s3EventObject(record, record.s3, eventName, where));
    return;
  }
  if (isObject(record.Sns)) nested = fromSns(record.Sns, depth + 1, where);
  else if (typeof record.body === 'string') nested = fromText(record.body, depth + 1, `${where} body`);
  else throw new UserError(`${where} is neither an S3 event record nor an SNS/SQS wrapper`);

  if (nested.kind === 'objects') {
    acc.objects.push(...nested.objects);
    acc.skipped.push(...(nested.skipped ?? []));
  } else if (nested.kind === 'test-event') acc.testEvent = true;
  else acc.skipped.push(`${where}: ${nested.reason}`);
}

function s3EventObject(
  record: Record<string, unknown>,
  s3: Record<string, unknown>,
  eventName: string,
  where: string,
): ObjectRef {
  const bucket = isObject(s3.bucket) ? s3.bucket.name : undefined;
  const object = isObject(s3.object) ? s3.object : undefined;
  if (typeof bucket !== 'string' || !object || typeof object.key !== 'string') {
    throw new UserError(`${where}: S3 event without s3.bucket.name and s3.object.key`);
  }
  const ref: ObjectRef = { bucket, key: decodeS3EventKey(object.key, where), eventName };
  if (typeof object.versionId === 'string') ref.versionId = object.versionId;
  if (typeof object.size === 'number') ref.size = object.size;
  if (typeof object.sequencer === 'string') ref.sequencer = object.sequencer;
  if (typeof record.eventTime === 'string') ref.eventTime = record.eventTime;
  if (typeof record.awsRegion === 'string') ref.region = record.awsRegion;
  return ref;
}

/** S3 event notifications form-URL-encode the key: `+` is a space, `%2B` a plus. */
export function decodeS3EventKey(key: string, where = 'S3 event'): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    throw new UserError(`${where}: object key is not valid URL encoding: ${preview(key)}`);
  }
}

function objectsOrIgnored(acc: Accumulated, what: string): ParsedNotification {
  if (acc.objects.length > 0) {
    return acc.skipped.length > 0
      ? { kind: 'objects', objects: acc.objects, skipped: acc.skipped }
      : { kind: 'objects', objects: acc.objects };
  }
  return { kind: 'ignored', reason: acc.skipped.length > 0 ? acc.skipped.join('; ') : `${what}: no objects` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
