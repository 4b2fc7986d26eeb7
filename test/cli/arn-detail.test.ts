import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

describe('demo --arn: one resource, read right', () => {
  it('a failure leads with what is wrong and its status, the title follows as the check it failed', async () => {
    const result = await runCliInProcess(['demo', '--arn', 'arn:aws:s3:::demo-public-by-policy', '-q']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'FAIL CRITICAL: the bucket policy is public: statement PublicRead allows Principal "*" s3:GetObject',
    );
    expect(result.stdout).toContain('check: S3 bucket policy is not public [s3-bucket-policy-not-public, S3.2, S3.3]');
    expect(result.stdout).not.toMatch(/^CRITICAL: S3 bucket policy is not public/m);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('remediation names the bucket itself, not the BUCKET placeholder', async () => {
    const result = await runCliInProcess(['demo', '--arn', 'arn:aws:s3:::demo-public-by-policy', '-q']);
    expect(result.stdout).toContain(
      'aws s3api put-bucket-policy --bucket demo-public-by-policy --policy file://policy.json',
    );
    expect(result.stdout).not.toMatch(/\bBUCKET\b/);
  });

  it('checks show keeps the placeholders', async () => {
    const result = await runCliInProcess(['checks', 'show', 's3-bucket-policy-not-public']);
    expect(result.stdout).toMatch(/\bBUCKET\b/);
  });
});
