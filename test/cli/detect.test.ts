import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sdkStreamMixin } from '@smithy/core/serde';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectCommand, type DetectOptions } from '../../src/cli/detect.ts';
import { detectAwsClients } from '../../src/detect/sources/aws-clients.ts';
import {
  logFileText,
  stratusRecords,
  tempDir,
  truncatedGzip,
  writeLogFile,
  type CloudTrailRecord,
} from '../detect/pipeline/support/cloudtrail-data.ts';

const repo = new URL('../../', import.meta.url).pathname;
const rulesFile = join(repo, 'test/fixtures/cloudtrail/detect/trail-tampering.yaml');
const falcoRules = new URL('../fixtures/third-party/falco/aws_cloudtrail_rules.yaml', import.meta.url).pathname;
const stratusDir = new URL('../fixtures/third-party/stratus-red-team/', import.meta.url).pathname;

const only = (technique: string, eventName: string, eventTime: string): CloudTrailRecord => {
  const record = stratusRecords(technique).find((r) => r.eventName === eventName)!;
  return { ...record, eventTime };
};
const deleteTrail = only('aws.defense-evasion.cloudtrail-delete', 'DeleteTrail', '2024-07-30T21:55:00Z');
const stopLogging = only('aws.defense-evasion.cloudtrail-stop', 'StopLogging', '2024-07-31T13:06:24Z');
const selectors = only('aws.defense-evasion.cloudtrail-event-selectors', 'PutEventSelectors', '2024-07-31T13:15:00Z');
const noise = stratusRecords('aws.discovery.ec2-download-user-data');

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function detect(options: DetectOptions, extra: { stdin?: string } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await detectCommand(
    { builtin: false, rules: [rulesFile], workers: '0', ...options },
    {
      stdout: out,
      stderr: { write: (chunk: string) => (stderr += chunk) },
      stdin: extra.stdin === undefined ? undefined : Readable.from([Buffer.from(extra.stdin)]),
      aws: await detectAwsClients({ homeRegion: 'us-east-1' }),
      controller: new AbortController(),
    },
  );
  return { code, stdout, stderr };
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const statsLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('detect:'));

describe('detect on S3 (ListObjectsV2 + GetObject)', () => {
  const s3 = mockClient(S3Client);
  const prefix = 'AWSLogs/111122223333/CloudTrail/us-east-1/';
  const keys = {
    a: `${prefix}2024/07/30/111122223333_CloudTrail_us-east-1_20240730T2200Z_aaaa.json.gz`,
    b: `${prefix}2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1310Z_bbbb.json.gz`,
    c: `${prefix}2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1320Z_cccc.json.gz`,
  };
  const digest =
    'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/07/31/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240731T1320Z.json.gz';
  const bodies: Record<string, Buffer> = {
    [keys.a]: gzipSync(logFileText([...noise.slice(0, 3), deleteTrail])),
    [keys.b]: gzipSync(logFileText([stopLogging, ...noise.slice(3, 6)])),
    [keys.c]: gzipSync(logFileText([selectors])),
  };
  const object = (Key: string) => ({
    Key,
    LastModified: new Date('2024-07-31T13:25:00Z'),
    ETag: '"6805f2cfc46c0f04559748bb039d69ae"',
    Size: bodies[Key]?.length ?? 800,
    StorageClass: 'STANDARD' as const,
  });
  const listed = (Key: string[]) => Key.map(object);

  beforeEach(() => {
    s3.reset();
    s3.on(ListObjectsV2Command, { Bucket: 'trail-bucket', Prefix: prefix, ContinuationToken: undefined })
      .resolves({
        IsTruncated: true,
        Name: 'trail-bucket',
        Prefix: prefix,
        MaxKeys: 1000,
        KeyCount: 2,
        Contents: listed([keys.a, keys.b]),
        NextContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      })
      .on(ListObjectsV2Command, { ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=' })
      .resolves({
        IsTruncated: false,
        Name: 'trail-bucket',
        Prefix: prefix,
        MaxKeys: 1000,
        KeyCount: 2,
        Contents: listed([keys.c, digest]),
        ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      });
    s3.on(GetObjectCommand).callsFake((input: { Bucket: string; Key: string }) => {
      const body = bodies[input.Key];
      if (!body)
        throw Object.assign(new Error('The specified key does not exist.'), {
          name: 'NoSuchKey',
          $fault: 'client',
          $metadata: { httpStatusCode: 404 },
        });
      return {
        Body: sdkStreamMixin(Readable.from([body])),
        ContentLength: body.length,
        ContentType: 'application/json',
        ContentEncoding: undefined,
      };
    });
  });
  afterEach(() => s3.reset());

  it('reads every log object of every page in key order, skips digests, alerts in order', async () => {
    const result = await detect({ source: [`s3://trail-bucket/${prefix}`], format: 'json' });
    expect(result.stderr).not.toMatch(/warning/);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((a) => [a.eventName, a.eventID])).toEqual([
      ['DeleteTrail', deleteTrail.eventID],
      ['StopLogging', stopLogging.eventID],
      ['PutEventSelectors', selectors.eventID],
    ]);
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Key)).toEqual([keys.a, keys.b, keys.c]);
    expect(statsLine(result.stderr)).toMatch(/^detect: 9 events read, 3 matched, 3 alerts, 0 bad records, 3 files, /);
  });

  it('--since selects objects by the date in the key and alerts by event time', async () => {
    const result = await detect({
      source: [`s3://trail-bucket/${prefix}`],
      format: 'json',
      since: '2024-07-31T13:10:00Z',
    });
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Key)).toEqual([keys.b, keys.c]);
    expect(jsonLines(result.stdout).map((a) => a.eventName)).toEqual(['PutEventSelectors']);
    const until = await detect({ source: [`s3://trail-bucket/${prefix}`], format: 'json', until: '2024-07-31' });
    expect(jsonLines(until.stdout).map((a) => a.eventName)).toEqual(['DeleteTrail']);
  });

  // how each partition is listed and resumed is tested against a bucket that honours Delimiter and StartAfter: test/detect/sources/s3-checkpoint*.test.ts
  it('--checkpoint remembers the objects read; a rerun reads nothing twice', async () => {
    const checkpoint = join(tempDir(), 'detect.checkpoint.json');
    const first = await detect({ source: [`s3://trail-bucket/${prefix}`], checkpoint });
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toMatchObject({
      version: 2,
      sources: { [`s3://trail-bucket/${prefix}`]: { partitions: {} } },
    });

    s3.resetHistory();
    const second = await detect({ source: [`s3://trail-bucket/${prefix}`], checkpoint });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(second.stdout).toBe('');
    expect(statsLine(second.stderr)).toMatch(/^detect: 0 events read, 0 matched, 0 alerts, 0 bad records, 0 files/);
  });

  it('an object that cannot be read is reported, the others are read, and the next run reads it alone', async () => {
    delete bodies[keys.b];
    const checkpoint = join(tempDir(), 'cp.json');
    try {
      const result = await detect({ source: [`s3://trail-bucket/${prefix}`], checkpoint, format: 'json' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `warning: s3://trail-bucket/${keys.b}: GetObject NoSuchKey: The specified key does not exist.\n`,
      );
      expect(jsonLines(result.stdout).map((a) => a.eventName)).toEqual(['DeleteTrail', 'PutEventSelectors']);
    } finally {
      bodies[keys.b] = gzipSync(logFileText([stopLogging, ...noise.slice(3, 6)]));
    }
    const rerun = await detect({ source: [`s3://trail-bucket/${prefix}`], checkpoint, format: 'json' });
    expect(jsonLines(rerun.stdout).map((a) => a.eventName)).toEqual(['StopLogging']);
  });

  it('a bucket that cannot be listed stops the run with exit 2 (AccessDenied)', async () => {
    s3.on(ListObjectsV2Command).rejects(
      Object.assign(new Error('Access Denied'), {
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    await expect(detect({ source: ['s3://trail-bucket/AWSLogs/'] })).rejects.toThrow(/Access Denied/);
  });
});

describe('detect on SQS (ReceiveMessage long polling + DeleteMessage)', () => {
  const sqs = mockClient(SQSClient);
  const s3 = mockClient(S3Client);
  const queueUrl = 'https://sqs.us-east-1.amazonaws.com/111122223333/trail-events';
  const keyA =
    'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1310Z_x1.json.gz';
  const keyB =
    'AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1320Z_x2.json.gz';
  const bodies: Record<string, Buffer> = {
    [keyA]: gzipSync(logFileText([stopLogging])),
    [keyB]: gzipSync(logFileText([selectors])),
  };
  const message = (id: string, body: string, count = '1') => ({
    MessageId: id,
    ReceiptHandle: `AQEB${id}handle`,
    MD5OfBody: '7b270e59b47ff90a553787216d55d91d',
    Body: body,
    Attributes: { ApproximateReceiveCount: count },
  });
  const cloudTrailNotification = JSON.stringify({ s3Bucket: 'trail-bucket', s3ObjectKey: [keyA, keyB] });
  const snsWrapped = JSON.stringify({
    Type: 'Notification',
    MessageId: 'b1e5c2f4',
    TopicArn: 'arn:aws:sns:us-east-1:111122223333:trail',
    Message: cloudTrailNotification,
    Timestamp: '2024-07-31T13:21:00.000Z',
  });
  const testEvent = readFileSync(new URL('../fixtures/notifications/s3-test-event.json', import.meta.url), 'utf8');

  beforeEach(() => {
    sqs.reset();
    s3.reset();
    sqs.on(DeleteMessageCommand).resolves({});
    s3.on(GetObjectCommand).callsFake((input: { Key: string }) => {
      const body = bodies[input.Key];
      if (!body)
        throw Object.assign(new Error('Access Denied'), {
          name: 'AccessDenied',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
        });
      return { Body: sdkStreamMixin(Readable.from([body])), ContentLength: body.length };
    });
  });

  it('reads the objects a message names, deletes it after, deletes test events, logs a poison message once and keeps it', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          message('m-1', snsWrapped),
          message('m-2', 'this is not json at all {{{'),
          message('m-3', testEvent),
        ],
      })
      .resolvesOnce({ Messages: [message('m-2', 'this is not json at all {{{', '2')] })
      .resolves({});
    const result = await detect({ source: [`sqs://${queueUrl}`], drain: true, format: 'json' });
    expect(jsonLines(result.stdout).map((a) => a.eventName)).toEqual(['StopLogging', 'PutEventSelectors']);
    const receive = sqs.commandCalls(ReceiveMessageCommand)[0]!.args[0].input;
    expect(receive).toEqual({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 20,
      VisibilityTimeout: 60,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: queueUrl, ReceiptHandle: 'AQEBm-3handle' },
      { QueueUrl: queueUrl, ReceiptHandle: 'AQEBm-1handle' },
    ]);
    const warnings = result.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^warning: sqs: message m-2 \(received 1 times\): message body is not JSON \(.*\): this is not json at all \{\{\{; left on the queue for its redrive policy$/,
    );
    expect(result.code).toBe(1);
  });

  it('keeps a message whose object cannot be read, and deletes none of it', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          message('m-9', JSON.stringify({ s3Bucket: 'trail-bucket', s3ObjectKey: [keyA, 'AWSLogs/missing.json.gz'] })),
        ],
      })
      .resolves({ Messages: [] });
    const result = await detect({ source: [`sqs://${queueUrl}`], drain: true, format: 'json' });
    expect(jsonLines(result.stdout).map((a) => a.eventName)).toEqual(['StopLogging']);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect(result.stderr).toContain(
      'warning: s3://trail-bucket/AWSLogs/missing.json.gz: GetObject AccessDenied: Access Denied',
    );
    expect(result.stderr).toContain(
      'warning: sqs: message m-9 (received 1 times): not every object could be read; left on the queue',
    );
    expect(result.code).toBe(1);
  });
});

describe('detect on local files and stdin (in process)', () => {
  it('walks an organization trail tree in sorted order, skips digests, reads stdin JSON Lines', async () => {
    const root = tempDir();
    const org = join(root, 'AWSLogs/o-exampleorgid/111122223333/CloudTrail');
    writeLogFile(join(org, 'us-east-1/2024/07/31/111122223333_CloudTrail_us-east-1_20240731T1320Z_b.json.gz'), [
      selectors,
    ]);
    writeLogFile(join(org, 'eu-west-1/2024/07/31/111122223333_CloudTrail_eu-west-1_20240731T1310Z_a.json.gz'), [
      stopLogging,
    ]);
    writeLogFile(join(org, 'eu-west-1/2024/07/30/111122223333_CloudTrail_eu-west-1_20240730T2200Z_z.json'), [
      deleteTrail,
    ]);
    writeLogFile(join(root, 'AWSLogs/o-exampleorgid/111122223333/CloudTrail-Digest/us-east-1/2024/07/31/d.json.gz'), [
      { not: 'a record' },
    ]);
    writeFileSync(join(root, 'README.txt'), 'not a log file');
    const result = await detect({ source: [root], format: 'json' });
    expect(result.stderr).not.toContain('warning');
    expect(jsonLines(result.stdout).map((a) => a.eventName)).toEqual([
      'DeleteTrail',
      'StopLogging',
      'PutEventSelectors',
    ]);
    expect(statsLine(result.stderr)).toMatch(/ 3 files, /);

    const since = await detect({ source: [root], format: 'json', since: '2024-07-31' });
    expect(jsonLines(since.stdout).map((a) => a.eventName)).toEqual(['StopLogging', 'PutEventSelectors']);

    const stdin = await detect(
      { source: ['-'] },
      { stdin: `${JSON.stringify(stopLogging)}\n${JSON.stringify(noise[0])}\n` },
    );
    expect(stdin.stdout).toBe(
      `2024-07-31T13:06:24Z: Critical trail tampering (call=StopLogging id=${stopLogging.eventID} user=christophe)\n`,
    );
    expect(stdin.code).toBe(0);
  });
});

// each spawn starts a Node process with tsx (about 1 s idle, much more on a busy machine)
describe('cloudwarden detect (CLI)', { timeout: 90_000 }, () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['bin/cloudwarden.js', 'detect', ...args], {
      cwd: repo,
      encoding: 'utf8',
      input,
      timeout: 300_000,
    });

  it('runs the built-in packs and Falco rules on the Stratus logs: Falco alert lines, stats on stderr, exit 0', () => {
    const result = run(['--source', stratusDir, '--rules', falcoRules]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toContain(
      '2024-07-31T13:06:24Z: Warning The CloudTrail logging has been disabled. (requesting user=christophe, requesting IP=86.245.153.234, AWS region=apiso-centralnorth-2r, resource name=stratus-red-team-ct-stop-trail-buykxbqejv)',
    );
    for (const line of lines)
      expect(line).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: (Emergency|Alert|Critical|Error|Warning|Notice|Informational|Debug) /,
      );
    expect(result.stderr).toMatch(/^detect: 310 events read, \d+ matched, \d+ alerts, 0 bad records, 35 files, /m);
  });

  it('bad input: reported once per file, the rest is read, exit 1; --strict exits 2 at the first bad record', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-truncated.json.gz'), truncatedGzip(noise));
    writeFileSync(
      join(dir, 'b-lines.jsonl'),
      [JSON.stringify(stopLogging), '{"eventName": "StopLogging",', JSON.stringify({ eventName: 'StopLogging' })].join(
        '\n',
      ),
    );
    writeLogFile(join(dir, 'c-good.json'), [selectors]);
    const result = run(['--source', dir, '--no-builtin', '--rules', rulesFile, '--format', 'json']);
    expect(result.status).toBe(1);
    expect(jsonLines(result.stdout).map((a) => a.eventName)).toEqual(['StopLogging', 'PutEventSelectors']);
    const warnings = result.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      `warning: ${dir}/a-truncated.json.gz: truncated gzip (unexpected end of file); the records before it were read`,
    );
    expect(warnings[1]).toMatch(
      new RegExp(`^warning: ${dir}/b-lines.jsonl: line 2: invalid JSON.* \\(2 bad records in this input\\)$`),
    );
    expect(result.stderr).toMatch(/ 3 bad records, 3 files, /);

    const strict = run(['--source', dir, '--no-builtin', '--rules', rulesFile, '--strict']);
    expect(strict.status).toBe(2);
    expect(strict.stderr.trim().split('\n').at(-1)).toBe(
      `error: ${dir}/a-truncated.json.gz: truncated gzip (unexpected end of file); the records before it were read (--strict: stopping at the first bad record)`,
    );
  });

  it('usage errors exit 2 with one line before reading: missing source, bad rule file', () => {
    const missing = run(['--source', '/nonexistent/trail', '--no-builtin', '--rules', rulesFile]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('error: --source: no such file or directory: /nonexistent/trail');
    const badRules = join(tempDir(), 'bad.yaml');
    writeFileSync(
      badRules,
      '- rule: Broken\n  desc: x\n  condition: ct.nosuchfield = 1\n  output: x\n  priority: WARNING\n  source: aws_cloudtrail\n',
    );
    const bad = run(['--source', '-', '--rules', badRules], JSON.stringify(stopLogging));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(new RegExp(`^error: ${badRules}:3:\\d+: .*ct\\.nosuchfield`, 'm'));
    expect(bad.stderr).not.toMatch(/^detect:/m);
  });
});
