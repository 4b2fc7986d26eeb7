import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'cw-accepted-control-'));
const acceptFile = join(dir, 'accept.yaml');
writeFileSync(
  acceptFile,
  '- check: s3-bucket-mfa-delete-enabled\n  reason: versioned buckets are protected by Object Lock instead\n  expires: 2099-12-31\n  accepted_by: security-team\n',
);

describe('compliance: a control whose failures are all accepted', () => {
  it('is ACCEPTED with who, why and until when, never PASS (CIS 2.1.2 MFA Delete on the demo account)', async () => {
    // wide, so that the reason is on one line
    const result = await runCliInProcess(['demo', '--accept', acceptFile, '--compliance', 'cis-aws-v3.0', '-q'], {
      env: { COLUMNS: '300' },
    });
    expect(result.code).toBe(0);
    const row = result.stdout.split('\n').find((line) => line.includes('2.1.2'))!;
    expect(row).toContain('ACCEPTED');
    expect(row).not.toContain('PASS');
    expect(result.stdout).toMatch(/accepted by security-team until 2099-12-31: versioned buckets are/);
    expect(result.stdout).toMatch(/1 accepted, \d+ manual/);
  });

  it('in JSON the control says accepted', async () => {
    const result = await runCliInProcess([
      'demo',
      '--accept',
      acceptFile,
      '--compliance',
      'cis-aws-v3.0',
      '--format',
      'json',
      '-q',
    ]);
    const report = JSON.parse(result.stdout) as {
      controls: { id?: string; control?: string; status: string }[];
      summary: Record<string, number>;
    };
    expect(report.summary.accepted).toBe(1);
    expect(report.controls.filter((c) => c.status === 'accepted')).toHaveLength(1);
  });
});
