import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { parseNotificationBody, type ParsedNotification } from '../../src/notifications/index.ts';

const dir = new URL('../fixtures/notifications/', import.meta.url);
const envelope = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

const invoice = { bucket: 'cw-example-uploads', key: 'invoices/2026/inv-0042.pdf', size: 48213 };
const invoicePut = {
  ...invoice,
  versionId: '3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY',
  sequencer: '0066E3A8B1C2D3E4F5',
  eventName: 'ObjectCreated:Put',
  eventTime: '2026-03-02T09:14:05.331Z',
  region: 'eu-west-1',
};

/** What each envelope in test/fixtures/notifications must decode to: every file there has a row (checked below). */
const expected: Record<string, ParsedNotification | { throws: RegExp }> = {
  'eventbridge-object-created-plus-key.json': {
    kind: 'objects',
    objects: [
      {
        bucket: 'cw-example-uploads',
        key: 'backups/db+2026-03-02.sql.gz',
        size: 1048576,
        sequencer: '0066E3B0C4D5E6F7A1',
        eventName: 'Object Created',
        eventTime: '2026-03-02T12:07:02Z',
        region: 'eu-west-1',
      },
    ],
  },
  'eventbridge-object-created-unsupported-version.json': {
    throws: /unsupported EventBridge S3 detail.event-version "2.0"/,
  },
  'eventbridge-object-created.json': {
    kind: 'objects',
    objects: [
      {
        bucket: 'cw-example-uploads',
        key: 'invoices/2026/inv-0043.pdf',
        size: 51877,
        versionId: 'Wm2kq3N7bL0p9vX4cR8sT1yU6eZ5aD.j',
        sequencer: '0066E3B0C4D5E6F708',
        eventName: 'Object Created',
        eventTime: '2026-03-02T12:05:31Z',
        region: 'eu-west-1',
      },
    ],
  },
  'eventbridge-object-deleted.json': { kind: 'ignored', reason: 'EventBridge "Object Deleted" event' },
  'eventbridge-object-restore-completed.json': {
    kind: 'ignored',
    reason: 'EventBridge "Object Restore Completed" event',
  },
  'eventbridge-object-tags-added.json': { kind: 'ignored', reason: 'EventBridge "Object Tags Added" event' },
  's3-event-object-created.json': { kind: 'objects', objects: [invoicePut] },
  's3-event-urlencoded-key.json': {
    kind: 'objects',
    objects: [
      {
        bucket: 'cw-example-uploads',
        key: 'scans/quarterly report=2026+Q1.pdf',
        size: 7340032,
        sequencer: '0066E3C1D2E3F40516',
        eventName: 'ObjectCreated:CompleteMultipartUpload',
        eventTime: '2026-03-02T11:40:19.006Z',
        region: 'eu-west-1',
      },
    ],
  },
  's3-test-event.json': { kind: 'test-event' },
  'sns-s3-event.json': { kind: 'objects', objects: [invoicePut] },
  'sns-s3-test-event.json': { kind: 'test-event' },
  'sqs-batch-partial-garbage.json': {
    kind: 'objects',
    objects: [
      invoicePut,
      {
        bucket: 'cw-example-archive',
        key: 'archive/2026/inv-0042.pdf',
        size: 48213,
        sequencer: '0066E3A8B1C2D3E501',
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-03-02T09:14:05.331Z',
        region: 'eu-west-1',
      },
    ],
    skipped: [expect.stringMatching(/^message body Records\[1\] body is not JSON .*not a notification: \{\{\{/)],
  },
  'sqs-s3-event.json': { kind: 'objects', objects: [invoicePut] },
  'sqs-sns-event.json': { kind: 'objects', objects: [invoicePut] },
};

describe('parseNotificationBody on every notification fixture', () => {
  it('has an expectation for every file in the directory', () => {
    expect(
      readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
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
    expect(parsed).toMatchObject({ kind: 'objects', objects: [{ bucket: invoice.bucket, key: invoice.key }] });
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
        {
          bucket: 'trail-bucket',
          key: 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1305Z_a+b.json.gz',
        },
        {
          bucket: 'trail-bucket',
          key: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2024/07/31/111122223333_CloudTrail_eu-west-1_20240731T1305Z_c.json.gz',
        },
      ],
    });
  });

  it('decodes the same CloudTrail notification wrapped in SNS', () => {
    const inner = JSON.stringify({ s3Bucket: 'trail-bucket', s3ObjectKey: ['k1.json.gz'] });
    const body = JSON.stringify({
      Type: 'Notification',
      MessageId: 'm-1',
      TopicArn: 'arn:aws:sns:us-east-1:111122223333:trail',
      Message: inner,
    });
    expect(parseNotificationBody(body)).toEqual({
      kind: 'objects',
      objects: [{ bucket: 'trail-bucket', key: 'k1.json.gz' }],
    });
  });

  it('ignores an SNS subscription confirmation and S3 deletions, says why', () => {
    expect(
      parseNotificationBody(
        JSON.stringify({ Type: 'SubscriptionConfirmation', Message: 'You have chosen to subscribe' }),
      ),
    ).toEqual({
      kind: 'ignored',
      reason: 'SNS SubscriptionConfirmation message',
    });
    const deleted = JSON.parse(envelope('s3-event-object-created.json')) as { Records: { eventName: string }[] };
    deleted.Records[0]!.eventName = 'ObjectRemoved:Delete';
    const parsed = parseNotificationBody(JSON.stringify(deleted));
    expect(parsed).toEqual({
      kind: 'ignored',
      reason: 'message body Records[0]: S3 event "ObjectRemoved:Delete" is not an object creation',
    });
  });

  it('throws a one-line UserError for garbage and for unknown JSON', () => {
    expect(() => parseNotificationBody('this is not json at all {{{')).toThrow(
      /message body is not JSON .*: this is not json at all \{\{\{/,
    );
    expect(() => parseNotificationBody('{"hello":"world"}')).toThrow(
      /not a known S3 notification envelope \(keys: hello\)/,
    );
    expect(() => parseNotificationBody('[1,2]')).toThrow(/not a JSON object/);
    expect(() => parseNotificationBody('{"Records":[{"foo":1}]}')).toThrow(
      /Records\[0\] is neither an S3 event record/,
    );
  });

  it('decodes a percent-encoded plus and unicode in S3 event keys, refuses broken encoding', () => {
    const record = JSON.parse(envelope('s3-event-urlencoded-key.json')) as {
      Records: { s3: { object: { key: string } } }[];
    };
    record.Records[0]!.s3.object.key = 'a%2Bb/%E6%97%A5%E6%9C%AC+x.gz';
    expect(parseNotificationBody(JSON.stringify(record))).toMatchObject({ objects: [{ key: 'a+b/日本 x.gz' }] });
    record.Records[0]!.s3.object.key = 'bad%E6%97';
    expect(() => parseNotificationBody(JSON.stringify(record))).toThrow(/object key is not valid URL encoding/);
  });
});
