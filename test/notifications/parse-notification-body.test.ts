import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { parseNotificationBody, type ParsedNotification } from '../../src/notifications/index.ts';

const dir = new URL('../../../shared/data/cloudtrail/notification-envelopes/', import.meta.url);
const envelope = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

const lambdaCreated = { bucket: 'lambda-artifacts-deafc19498e3f2df', key: 'b21b84d653bb07b05b1e6b33684dc11b', size: 1305107 };

/** What each shared envelope must decode to: every file in the directory has a row (checked below). */
const expected: Record<string, ParsedNotification | { throws: RegExp }> = {
  'eventbridge-object-annotation-created.json': { kind: 'ignored', reason: 'EventBridge "Object Annotation Created" event' },
  'eventbridge-object-created-plus-key.json': {
    kind: 'objects',
    objects: [{ bucket: 'ct-siem-sync', key: 'my+file.json.gz', size: 4096, versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e', sequencer: '617f08299329d189', eventName: 'Object Created', eventTime: '2021-11-12T00:00:00Z', region: 'ca-central-1' }],
  },
  'eventbridge-object-created-unsupported-version.json': { throws: /unsupported EventBridge S3 detail.event-version "2.0"/ },
  'eventbridge-object-created.json': {
    kind: 'objects',
    objects: [{ bucket: 'amzn-s3-demo-bucket1', key: 'example-key', size: 5, versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e', sequencer: '617f08299329d189', eventName: 'Object Created', eventTime: '2021-11-12T00:00:00Z', region: 'ca-central-1' }],
  },
  'eventbridge-object-deleted.json': { kind: 'ignored', reason: 'EventBridge "Object Deleted" event' },
  'eventbridge-object-restore-completed.json': { kind: 'ignored', reason: 'EventBridge "Object Restore Completed" event' },
  's3-event-object-created.json': {
    kind: 'objects',
    objects: [{ ...lambdaCreated, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2019-09-03T19:37:27.192Z', region: 'us-east-2' }],
  },
  's3-event-urlencoded-key.json': {
    kind: 'objects',
    objects: [{ bucket: 'ct-siem-sync', key: 'my file=a.json.gz', size: 4096, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2024-01-15T08:22:11.000Z', region: 'us-east-2' }],
  },
  's3-test-event.json': { kind: 'test-event' },
  'sns-s3-event.json': {
    kind: 'objects',
    objects: [{ ...lambdaCreated, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2019-09-03T19:37:27.192Z', region: 'us-east-2' }],
  },
  'sns-s3-test-event.json': { kind: 'test-event' },
  'sqs-batch-partial-garbage.json': {
    kind: 'objects',
    objects: [
      { ...lambdaCreated, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2019-09-03T19:37:27.192Z', region: 'us-east-2' },
      { bucket: 'ct-siem-sync', key: 'second-sibling-object.json.gz', size: 1305107, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2019-09-03T19:37:27.192Z', region: 'us-east-2' },
    ],
    skipped: [expect.stringMatching(/^message body Records\[1\] body is not JSON .*this is not json at all/) as unknown as string],
  },
  'sqs-s3-event.json': {
    kind: 'objects',
    objects: [{ ...lambdaCreated, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2019-09-03T19:37:27.192Z', region: 'us-east-2' }],
  },
  'sqs-sns-event.json': {
    kind: 'objects',
    objects: [{ ...lambdaCreated, sequencer: '0C0F6F405D6ED209E1', eventName: 'ObjectCreated:Put', eventTime: '2019-09-03T19:37:27.192Z', region: 'us-east-2' }],
  },
};

describe('parseNotificationBody on every shared envelope', () => {
  it('has an expectation for every file in the directory', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      if ('throws' in want) {
        expect(() => parseNotificationBody(envelope(name))).toThrow(UserError);
        expect(() => parseNotificationBody(envelope(name))).toThrow(want.throws);
      } else {
        expect(parseNotificationBody(envelope(name))).toEqual(want);
      }
    });
  }
});

describe('parseNotificationBody on what an SQS queue receives', () => {
  it('decodes the SQS message body of an SNS-wrapped S3 event (the body of sqs-sns-event.json)', () => {
    const body = (JSON.parse(envelope('sqs-sns-event.json')) as { Records: { body: string }[] }).Records[0]!.body;
    const parsed = parseNotificationBody(body);
    expect(parsed).toMatchObject({ kind: 'objects', objects: [{ bucket: lambdaCreated.bucket, key: lambdaCreated.key }] });
  });

  it("decodes CloudTrail's own SNS notification, keys verbatim", () => {
    const body = JSON.stringify({
      s3Bucket: 'trail-bucket',
      s3ObjectKey: [
        'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1305Z_a+b.json.gz',
        'AWSLogs/111122223333/CloudTrail/eu-west-1/2024/07/31/111122223333_CloudTrail_eu-west-1_20240731T1305Z_c.json.gz',
      ],
    });
    expect(parseNotificationBody(body)).toEqual({
      kind: 'objects',
      objects: [
        { bucket: 'trail-bucket', key: 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1305Z_a+b.json.gz' },
        { bucket: 'trail-bucket', key: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2024/07/31/111122223333_CloudTrail_eu-west-1_20240731T1305Z_c.json.gz' },
      ],
    });
  });

  it('decodes the same CloudTrail notification wrapped in SNS', () => {
    const inner = JSON.stringify({ s3Bucket: 'trail-bucket', s3ObjectKey: ['k1.json.gz'] });
    const body = JSON.stringify({ Type: 'Notification', MessageId: 'm-1', TopicArn: 'arn:aws:sns:us-east-1:111122223333:trail', Message: inner });
    expect(parseNotificationBody(body)).toEqual({ kind: 'objects', objects: [{ bucket: 'trail-bucket', key: 'k1.json.gz' }] });
  });

  it('ignores an SNS subscription confirmation and S3 deletions, says why', () => {
    expect(parseNotificationBody(JSON.stringify({ Type: 'SubscriptionConfirmation', Message: 'You have chosen to subscribe' }))).toEqual({
      kind: 'ignored',
      reason: 'SNS SubscriptionConfirmation message',
    });
    const deleted = JSON.parse(envelope('s3-event-object-created.json')) as { Records: { eventName: string }[] };
    deleted.Records[0]!.eventName = 'ObjectRemoved:Delete';
    const parsed = parseNotificationBody(JSON.stringify(deleted));
    expect(parsed).toEqual({ kind: 'ignored', reason: 'message body Records[0]: S3 event "ObjectRemoved:Delete" is not an object creation' });
  });

  it('throws a one-line UserError for garbage and for unknown JSON', () => {
    expect(() => parseNotificationBody('this is not json at all {{{')).toThrow(/message body is not JSON .*: this is not json at all \{\{\{/);
    expect(() => parseNotificationBody('{"hello":"world"}')).toThrow(/not a known S3 notification envelope \(keys: hello\)/);
    expect(() => parseNotificationBody('[1,2]')).toThrow(/not a JSON object/);
    expect(() => parseNotificationBody('{"Records":[{"foo":1}]}')).toThrow(/Records\[0\] is neither an S3 event record/);
  });

  it('decodes a percent-encoded plus and unicode in S3 event keys, refuses broken encoding', () => {
    const record = JSON.parse(envelope('s3-event-urlencoded-key.json')) as { Records: { s3: { object: { key: string } } }[] };
    record.Records[0]!.s3.object.key = 'a%2Bb/%E6%97%A5%E6%9C%AC+x.gz';
    expect(parseNotificationBody(JSON.stringify(record))).toMatchObject({ objects: [{ key: 'a+b/日本 x.gz' }] });
    record.Records[0]!.s3.object.key = 'bad%E6%97';
    expect(() => parseNotificationBody(JSON.stringify(record))).toThrow(/object key is not valid URL encoding/);
  });
});
