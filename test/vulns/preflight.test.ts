import { describe, expect, it } from 'vitest';
import type { Observed } from '../../src/model/observed.ts';
import { bucketStatement, keyStatement, type ExportTarget } from '../../src/vulns/export-policies.ts';
import { preflight, type PreflightEvidence } from '../../src/vulns/preflight.ts';
import { exportTarget, policy, ROOT_STATEMENT } from './export-fixtures.ts';

const target = exportTarget('reports/');
const present = <T>(value: T): Observed<T> => ({ kind: 'present', value });

function evidence(overrides: Partial<PreflightEvidence> = {}): PreflightEvidence {
  return {
    bucketRegion: present('us-east-1'),
    bucketPolicy: present(policy(bucketStatement(target))),
    bucketEncryption: present([
      { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true },
    ]),
    keyPolicy: present(policy(ROOT_STATEMENT, keyStatement(target))),
    ...overrides,
  };
}

function check(result: ReturnType<typeof preflight>, id: string) {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

/** Seed 003's bucket policy: the user guide's actions, aws:SourceAccount only (with the account filled in). */
const SEED_BUCKET = {
  Sid: 'allow-inspector',
  Effect: 'Allow',
  Principal: { Service: 'inspector2.amazonaws.com' },
  Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:AbortMultipartUpload'],
  Resource: 'arn:aws:s3:::inspector2-test/*',
  Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
};
/** Seed 003's key policy statement: Encrypt, Decrypt, GenerateDataKey, no conditions. */
const SEED_KEY = {
  Sid: 'AllowInspectorService',
  Effect: 'Allow',
  Principal: { Service: 'inspector2.amazonaws.com' },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
  Resource: '*',
};

describe('export preflight', () => {
  it("passes the user guide's bucket and key statements", () => {
    const result = preflight(target, evidence());
    expect(result.canExport).toBe(true);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['bucket-region', 'ok'],
      ['key-region', 'ok'],
      ['bucket-policy', 'ok'],
      ['bucket-encryption', 'ok'],
      ['key-policy', 'ok'],
    ]);
    expect(check(result, 'bucket-policy').fix).toBeUndefined();
  });

  it("lets seed 003's policies through but warns that the key statement has no confused-deputy condition", () => {
    const result = preflight(
      target,
      evidence({ bucketPolicy: present(policy(SEED_BUCKET)), keyPolicy: present(policy(ROOT_STATEMENT, SEED_KEY)) }),
    );
    expect(result.canExport).toBe(true);
    expect(check(result, 'bucket-policy').status).toBe('ok');
    const key = check(result, 'key-policy');
    expect(key.status).toBe('warning');
    expect(key.message).toContain('"AllowInspectorService" has no aws:SourceAccount/aws:SourceArn condition');
    expect(key.fix?.statement).toEqual(keyStatement(target));
  });

  it('names the missing bucket statement and prints the one to add when the bucket has no policy', () => {
    const result = preflight(target, evidence({ bucketPolicy: { kind: 'absent', errorName: 'NoSuchBucketPolicy' } }));
    expect(result.canExport).toBe(false);
    const bucket = check(result, 'bucket-policy');
    expect(bucket.status).toBe('missing');
    expect(bucket.fix).toEqual({
      policy: 'bucket',
      statement: {
        Sid: 'allow-inspector',
        Effect: 'Allow',
        Principal: { Service: 'inspector2.amazonaws.com' },
        Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:AbortMultipartUpload'],
        Resource: 'arn:aws:s3:::inspector2-test/*',
        Condition: {
          StringEquals: { 'aws:SourceAccount': '111122223333' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:inspector2:us-east-1:111122223333:report/*' },
        },
      },
    });
  });

  it('says which actions a partial bucket statement lacks', () => {
    const partial = { ...SEED_BUCKET, Action: 's3:PutObject' };
    const bucket = check(preflight(target, evidence({ bucketPolicy: present(policy(partial)) })), 'bucket-policy');
    expect(bucket.status).toBe('missing');
    expect(bucket.message).toBe(
      'bucket policy of inspector2-test does not allow Inspector s3:PutObjectAcl, s3:AbortMultipartUpload on arn:aws:s3:::inspector2-test/reports/inspector-report.csv',
    );
  });

  it('does not accept a statement for another account or another bucket', () => {
    const otherAccount = { ...SEED_BUCKET, Condition: { StringEquals: { 'aws:SourceAccount': '999999999999' } } };
    const wrong = check(preflight(target, evidence({ bucketPolicy: present(policy(otherAccount)) })), 'bucket-policy');
    expect(wrong.status).toBe('missing');
    expect(wrong.message).toContain('aws:SourceAccount is 111122223333, not 999999999999');
    const otherBucket = { ...SEED_BUCKET, Resource: 'arn:aws:s3:::another-bucket/*' };
    expect(
      check(preflight(target, evidence({ bucketPolicy: present(policy(otherBucket)) })), 'bucket-policy').status,
    ).toBe('missing');
    const otherPrefix = { ...SEED_BUCKET, Resource: 'arn:aws:s3:::inspector2-test/archive/*' };
    expect(
      check(preflight(target, evidence({ bucketPolicy: present(policy(otherPrefix)) })), 'bucket-policy').status,
    ).toBe('missing');
  });

  it('reports a deny that blocks Inspector, and ignores the usual TLS-only deny', () => {
    const denyAll = {
      Sid: 'no-writes',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:Put*',
      Resource: 'arn:aws:s3:::inspector2-test/*',
    };
    const blocked = preflight(target, evidence({ bucketPolicy: present(policy(bucketStatement(target), denyAll)) }));
    expect(check(blocked, 'bucket-policy').status).toBe('blocked');
    expect(check(blocked, 'bucket-policy').message).toContain('"no-writes" denies s3:PutObject, s3:PutObjectAcl');
    expect(blocked.canExport).toBe(false);
    const tlsOnly = {
      Sid: 'tls',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::inspector2-test', 'arn:aws:s3:::inspector2-test/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    expect(
      check(
        preflight(target, evidence({ bucketPolicy: present(policy(bucketStatement(target), tlsOnly)) })),
        'bucket-policy',
      ).status,
    ).toBe('ok');
  });

  it('counts a Deny with NotPrincipal that does not exempt Inspector', () => {
    const onlyAdmins = {
      Sid: 'only-admins',
      Effect: 'Deny',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/admin' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::inspector2-test/*',
    };
    expect(
      check(
        preflight(target, evidence({ bucketPolicy: present(policy(bucketStatement(target), onlyAdmins)) })),
        'bucket-policy',
      ).status,
    ).toBe('blocked');
    const exempt = { ...onlyAdmins, NotPrincipal: { Service: 'inspector2.amazonaws.com' } };
    expect(
      check(
        preflight(target, evidence({ bucketPolicy: present(policy(bucketStatement(target), exempt)) })),
        'bucket-policy',
      ).status,
    ).toBe('ok');
  });

  it('says unknown, never ok, when a grant hangs on a condition it cannot evaluate', () => {
    const orgOnly = { ...SEED_BUCKET, Condition: { StringEquals: { 'aws:SourceOrgID': 'o-abc123' } } };
    const result = check(preflight(target, evidence({ bucketPolicy: present(policy(orgOnly)) })), 'bucket-policy');
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('aws:SourceOrgID');
  });

  it('finds the key statement missing when only the account root may use the key', () => {
    const result = preflight(target, evidence({ keyPolicy: present(policy(ROOT_STATEMENT)) }));
    const key = check(result, 'key-policy');
    expect(key.status).toBe('missing');
    expect(key.message).toContain('does not allow Inspector kms:Decrypt, kms:GenerateDataKey');
    expect(key.fix?.statement).toEqual(keyStatement(target));
    expect(result.canExport).toBe(false);
  });

  it('reports an unreadable key policy as unknown and does not block on it', () => {
    const result = preflight(
      target,
      evidence({
        keyPolicy: {
          kind: 'error',
          operation: 'kms:GetKeyPolicy',
          error: { name: 'AccessDeniedException', message: 'not allowed' },
        },
      }),
    );
    expect(check(result, 'key-policy')).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining('AccessDeniedException on kms:GetKeyPolicy'),
    });
    expect(result.canExport).toBe(true);
  });

  it('blocks a bucket or key in another region than the report', () => {
    const result = preflight(
      { ...target, kmsKeyArn: target.kmsKeyArn.replace('us-east-1', 'eu-west-1') },
      evidence({ bucketRegion: present('ap-northeast-1') }),
    );
    expect(check(result, 'bucket-region').status).toBe('blocked');
    expect(check(result, 'bucket-region').message).toContain('--region ap-northeast-1');
    expect(check(result, 'key-region').status).toBe('blocked');
    expect(result.canExport).toBe(false);
  });

  it('uses the regional Inspector principal in opt-in regions and accepts it', () => {
    const bahrain: ExportTarget = {
      ...target,
      region: 'me-south-1',
      kmsKeyArn: target.kmsKeyArn.replace('us-east-1', 'me-south-1'),
    };
    expect(bucketStatement(bahrain).Principal).toEqual({ Service: 'inspector2.me-south-1.amazonaws.com' });
    const result = preflight(
      bahrain,
      evidence({
        bucketRegion: present('me-south-1'),
        bucketPolicy: present(policy(bucketStatement(bahrain))),
        keyPolicy: present(policy(ROOT_STATEMENT, keyStatement(bahrain))),
      }),
    );
    expect(result.checks.every((c) => c.status === 'ok')).toBe(true);
  });

  it('warns when the bucket defaults to SSE-KMS with another key', () => {
    const other = present([
      {
        ApplyServerSideEncryptionByDefault: {
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/other',
        },
      },
    ]);
    expect(check(preflight(target, evidence({ bucketEncryption: other })), 'bucket-encryption').status).toBe('warning');
  });
});
