import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsAccessError, UserError } from '../../src/errors.ts';
import { uploadReport } from '../../src/vulns/s3-sink.ts';
import { parseS3Url, reportFileName } from '../../src/vulns/s3-url.ts';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vulns-s3-'));
  file = join(dir, 'report.csv');
  await writeFile(file, 'AWS Account Id,Severity\r\n111122223333,HIGH\r\n');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const clients = new Map<string, S3Client>();
const s3For = (region: string) => {
  if (!clients.has(region)) clients.set(region, new S3Client({ region }));
  return clients.get(region)!;
};

describe('--output s3://', () => {
  it('adds a dated file name to a prefix and keeps an explicit key', () => {
    const name = reportFileName(new Date('2026-11-23T06:00:00.123Z'), 'csv');
    expect(name).toBe('inspector-findings-2026-11-23T06-00-00Z.csv');
    expect(parseS3Url('s3://security-reports/inspector/', name)).toEqual({
      bucket: 'security-reports',
      key: `inspector/${name}`,
    });
    expect(parseS3Url('s3://security-reports', name)).toEqual({ bucket: 'security-reports', key: name });
    expect(parseS3Url('s3://security-reports/daily/findings.csv', name)).toEqual({
      bucket: 'security-reports',
      key: 'daily/findings.csv',
    });
    expect(() => parseS3Url('s3://Bad_Bucket/x', name)).toThrow(UserError);
  });

  it('uploads the finished file in one PutObject with its length and type', async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"abc"' });
    await uploadReport(
      s3For,
      'us-east-1',
      file,
      { bucket: 'security-reports', key: 'inspector/r.csv' },
      'text/csv; charset=utf-8',
    );
    const input = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      Bucket: 'security-reports',
      Key: 'inspector/r.csv',
      ContentLength: 44,
      ContentType: 'text/csv; charset=utf-8',
    });
  });

  it('follows the region a PermanentRedirect names, once', async () => {
    const redirect = Object.assign(
      new Error('The bucket you are attempting to access must be addressed using the specified endpoint.'),
      {
        name: 'PermanentRedirect',
        Endpoint: 'security-reports.s3.eu-west-1.amazonaws.com',
        $metadata: { httpStatusCode: 301 },
      },
    );
    s3.on(PutObjectCommand).callsFake(async (_input, getClient) => {
      if ((await (getClient() as S3Client).config.region()) !== 'eu-west-1') throw redirect;
      return {};
    });
    await uploadReport(s3For, 'us-east-1', file, { bucket: 'security-reports', key: 'r.csv' }, 'text/csv');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(2);
  });

  it('reports AccessDenied as one AWS error naming the object', async () => {
    s3.on(PutObjectCommand).rejects(
      Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }),
    );
    const error = await uploadReport(
      s3For,
      'us-east-1',
      file,
      { bucket: 'security-reports', key: 'r.csv' },
      'text/csv',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).operation).toBe('s3:PutObject s3://security-reports/r.csv');
  });
});
