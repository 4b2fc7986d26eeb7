import {
  CreateFindingsReportCommand,
  GetFindingsReportStatusCommand,
  Inspector2Client,
} from '@aws-sdk/client-inspector2';
import { GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsAccessError, UserError } from '../../src/errors.ts';
import { bucketStatement, keyStatement } from '../../src/vulns/export-policies.ts';
import { exportTarget, policy, ROOT_STATEMENT } from './export-fixtures.ts';
import { runExport, type ExportFlowOptions } from '../../src/vulns/export-flow.ts';
import { exportFindingsReport } from '../../src/vulns/findings-export.ts';

const inspector = mockClient(Inspector2Client);
const s3 = mockClient(S3Client);
const kms = mockClient(KMSClient);

const target = exportTarget('daily/');
const awsError = (name: string, message: string, status: number) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });

const noWait = { sleep: async () => {}, initialDelayMs: 1000, maxDelayMs: 4000 };

beforeEach(() => {
  s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: undefined });
  s3.on(GetBucketEncryptionCommand).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }],
    },
  });
});
afterEach(() => {
  inspector.reset();
  s3.reset();
  kms.reset();
});

function flow(fixPolicies: boolean): ExportFlowOptions {
  return {
    target,
    format: 'CSV',
    criteria: {
      severity: [{ comparison: 'EQUALS', value: 'CRITICAL' }],
      findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
    },
    fixPolicies,
    clients: {
      inspector: new Inspector2Client({ region: 'us-east-1' }),
      s3: new S3Client({ region: 'us-east-1' }),
      kms: new KMSClient({ region: 'us-east-1' }),
    },
    poll: noWait,
  };
}

describe('CreateFindingsReport and its status', () => {
  it('sends the format, destination and filter, then polls with backoff until SUCCEEDED', async () => {
    inspector.on(CreateFindingsReportCommand).resolves({ reportId: 'a1b2c3d4-report' });
    inspector
      .on(GetFindingsReportStatusCommand)
      .resolvesOnce({ reportId: 'a1b2c3d4-report', status: 'IN_PROGRESS' })
      .resolvesOnce({ reportId: 'a1b2c3d4-report', status: 'IN_PROGRESS' })
      .resolvesOnce({ reportId: 'a1b2c3d4-report', status: 'IN_PROGRESS' })
      .resolves({
        reportId: 'a1b2c3d4-report',
        status: 'SUCCEEDED',
        destination: { bucketName: 'inspector2-test', keyPrefix: 'daily/', kmsKeyArn: target.kmsKeyArn },
      });
    const waits: number[] = [];
    const progress: string[] = [];
    const outcome = await exportFindingsReport(
      new Inspector2Client({ region: 'us-east-1' }),
      {
        format: 'JSON',
        bucket: 'inspector2-test',
        prefix: 'daily/',
        kmsKeyArn: target.kmsKeyArn,
        criteria: { exploitAvailable: [{ comparison: 'EQUALS', value: 'YES' }] },
      },
      {
        ...noWait,
        sleep: async (ms) => void waits.push(ms),
        onProgress: (status, elapsed) => progress.push(`${status}@${elapsed}`),
      },
    );
    expect(outcome).toEqual({ reportId: 'a1b2c3d4-report', status: 'SUCCEEDED' });
    expect(inspector.commandCalls(CreateFindingsReportCommand)[0]!.args[0].input).toEqual({
      reportFormat: 'JSON',
      filterCriteria: { exploitAvailable: [{ comparison: 'EQUALS', value: 'YES' }] },
      s3Destination: { bucketName: 'inspector2-test', keyPrefix: 'daily/', kmsKeyArn: target.kmsKeyArn },
    });
    expect(inspector.commandCalls(GetFindingsReportStatusCommand).map((c) => c.args[0].input)).toEqual(
      Array(4).fill({ reportId: 'a1b2c3d4-report' }),
    );
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(progress).toEqual(['IN_PROGRESS@1000', 'IN_PROGRESS@3000', 'IN_PROGRESS@7000', 'SUCCEEDED@11000']);
  });

  it("fails with Inspector's errorCode when the report FAILED", async () => {
    inspector.on(CreateFindingsReportCommand).resolves({ reportId: 'r-1' });
    inspector.on(GetFindingsReportStatusCommand).resolves({
      reportId: 'r-1',
      status: 'FAILED',
      errorCode: 'INVALID_PERMISSIONS',
      errorMessage: 'Unable to write to bucket',
    });
    const error = await exportFindingsReport(
      new Inspector2Client({ region: 'us-east-1' }),
      { format: 'CSV', bucket: 'b', prefix: '', kmsKeyArn: target.kmsKeyArn, criteria: {} },
      noWait,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).awsErrorName).toBe('INVALID_PERMISSIONS');
    expect((error as AwsAccessError).message).toBe('report r-1 FAILED: Unable to write to bucket');
  });

  it('reports a second export in progress as Inspector says it', async () => {
    inspector
      .on(CreateFindingsReportCommand)
      .rejects(awsError('ValidationException', 'Reason: Cannot have multiple reports in-progress', 400));
    const error = await exportFindingsReport(
      new Inspector2Client({ region: 'us-east-1' }),
      { format: 'CSV', bucket: 'b', prefix: '', kmsKeyArn: target.kmsKeyArn, criteria: {} },
      noWait,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).operation).toBe('inspector2:CreateFindingsReport');
    expect((error as AwsAccessError).message).toContain('Cannot have multiple reports in-progress');
  });
});

describe('vulns export flow', () => {
  it('refuses to call Inspector when the preflight finds the bucket statement missing, printing the statement', async () => {
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404));
    kms
      .on(GetKeyPolicyCommand)
      .resolves({ Policy: policy(ROOT_STATEMENT, keyStatement(target)), PolicyName: 'default' });
    const log: string[] = [];
    const error = await runExport(flow(false), { log: (l) => log.push(l), confirm: async () => true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('bucket inspector2-test has no bucket policy');
    expect((error as UserError).message).toContain('--fix-policies');
    expect(inspector.commandCalls(CreateFindingsReportCommand)).toHaveLength(0);
    const text = log.join('\n');
    expect(text).toContain('preflight MISSING bucket-policy');
    expect(text).toContain('"aws:SourceArn": "arn:aws:inspector2:us-east-1:111122223333:report/*"');
  });

  it('--fix-policies shows the diff, asks, applies the merged policies, re-checks, then exports', async () => {
    const existingBucket = policy({
      Sid: 'tls',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::inspector2-test/*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    let bucketPolicy = existingBucket;
    let keyPolicy = policy(ROOT_STATEMENT);
    s3.on(GetBucketPolicyCommand).callsFake(async () => ({ Policy: bucketPolicy }));
    s3.on(PutBucketPolicyCommand).callsFake(async (input: { Policy: string }) => void (bucketPolicy = input.Policy));
    kms.on(GetKeyPolicyCommand).callsFake(async () => ({ Policy: keyPolicy, PolicyName: 'default' }));
    kms.on(PutKeyPolicyCommand).callsFake(async (input: { Policy: string }) => void (keyPolicy = input.Policy));
    inspector.on(CreateFindingsReportCommand).resolves({ reportId: 'r-2' });
    inspector.on(GetFindingsReportStatusCommand).resolves({ reportId: 'r-2', status: 'SUCCEEDED' });
    const asked: string[] = [];
    const log: string[] = [];

    const outcome = await runExport(flow(true), {
      log: (l) => log.push(l),
      confirm: async (q) => (asked.push(q), true),
    });

    expect(outcome.status).toBe('SUCCEEDED');
    expect(asked).toEqual([
      'Apply this change to the bucket policy of inspector2-test?',
      `Apply this change to the key policy of ${target.kmsKeyArn}?`,
    ]);
    const putBucket = s3.commandCalls(PutBucketPolicyCommand)[0]!.args[0].input;
    expect(putBucket.Bucket).toBe('inspector2-test');
    expect(JSON.parse(putBucket.Policy!).Statement).toEqual([
      JSON.parse(existingBucket).Statement[0],
      bucketStatement(target),
    ]);
    const putKey = kms.commandCalls(PutKeyPolicyCommand)[0]!.args[0].input;
    expect(putKey).toMatchObject({ KeyId: target.kmsKeyArn, PolicyName: 'default' });
    expect(JSON.parse(putKey.Policy!).Statement).toEqual([ROOT_STATEMENT, keyStatement(target)]);
    const text = log.join('\n');
    expect(text).toContain('+       "Sid": "allow-inspector",');
    expect(text).toContain('preflight after the changes:');
    expect(text).toMatch(/preflight ok {6}bucket-policy/);
    expect(inspector.commandCalls(CreateFindingsReportCommand)[0]!.args[0].input.s3Destination).toEqual({
      bucketName: 'inspector2-test',
      keyPrefix: 'daily/',
      kmsKeyArn: target.kmsKeyArn,
    });
  });

  it('changes nothing when the answer is no, and still refuses to export', async () => {
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404));
    kms.on(GetKeyPolicyCommand).resolves({ Policy: policy(ROOT_STATEMENT, keyStatement(target)) });
    const error = await runExport(flow(true), { log: () => {}, confirm: async () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(s3.commandCalls(PutBucketPolicyCommand)).toHaveLength(0);
    expect(inspector.commandCalls(CreateFindingsReportCommand)).toHaveLength(0);
  });
});
