import { describe, expect, it } from 'vitest';
import type { Result, Status } from '../../src/findings/result.ts';
import type { Severity } from '../../src/findings/severity.ts';
import type { ScanReport } from '../../src/report/scan-report.ts';
import { formatTable, ROWS_PER_GROUP } from '../../src/report/table.ts';

const ACCOUNT = '123456789012';

function result(arn: string, region: string, status: Status, severity: Severity = 'medium', checkId = 'c'): Result {
  return {
    checkId,
    aliases: [],
    title: 'S3 bucket has versioning enabled',
    severity,
    status,
    resource: { arn, type: 'AwsS3Bucket', region },
    accountId: ACCOUNT,
    message: status === 'fail' ? 'versioning is Suspended' : 'versioning is Enabled',
    references: [],
  };
}

function report(results: Result[]): ScanReport {
  return {
    schemaVersion: 1,
    accountId: ACCOUNT,
    generatedAt: '2026-11-22T00:00:00Z',
    collectedAt: '2026-11-22T00:00:00Z',
    partial: false,
    results,
  };
}

/** 2,000 resources: 1,500 buckets (every tenth failing, one in fifty unknown), 500 instances (every fifth failing). */
function largeAccount(): Result[] {
  const results: Result[] = [];
  for (let i = 0; i < 1500; i++) {
    const arn = `arn:aws:s3:::tenant-${String(i).padStart(4, '0')}-uploads-with-a-rather-long-bucket-name`;
    results.push(result(arn, 'eu-west-1', 'pass', 'medium', 'versioning'));
    if (i % 10 === 0) results.push(result(arn, 'eu-west-1', 'fail', i % 100 === 0 ? 'critical' : 'low', 'policy'));
    else if (i % 50 === 1) results.push(result(arn, 'eu-west-1', 'unknown', 'high', 'policy'));
    else results.push(result(arn, 'eu-west-1', 'pass', 'high', 'policy'));
  }
  for (let i = 0; i < 500; i++) {
    const arn = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-${i.toString(16).padStart(17, '0')}`;
    results.push(result(arn, 'us-east-1', i % 5 === 0 ? 'fail' : 'pass', 'high', 'imdsv2'));
  }
  return results;
}

const lines = (text: string) => text.trimEnd().split('\n');

describe('the table summary', () => {
  it('lists only resources with failures or unknowns and counts the passing ones in a line', () => {
    const text = formatTable(
      report([
        result('arn:aws:s3:::broken', 'us-east-1', 'fail', 'high'),
        result('arn:aws:s3:::broken', 'us-east-1', 'pass', 'low', 'other'),
        result('arn:aws:s3:::fine-a', 'us-east-1', 'pass'),
        result('arn:aws:s3:::fine-b', 'us-east-1', 'pass'),
        result('arn:aws:s3:::fine-b', 'us-east-1', 'pass', 'low', 'other'),
      ]),
      { color: false, width: 80 },
    );
    expect(text).toContain('broken');
    expect(text).not.toContain('fine-a');
    expect(text).toContain('… 3 passed checks on 2 resources not shown; --show-passed lists them');
    expect(text).toContain('s3 in us-east-1: 1 of 3 resources with failures or unknowns');

    const all = formatTable(report([result('arn:aws:s3:::fine-a', 'us-east-1', 'pass')]), {
      color: false,
      width: 80,
      showPassed: true,
    });
    expect(all).toMatch(/^ {2}fine-a +0 +0 +0 +0 +0 +0 +1$/m);
    expect(all).not.toContain('not shown');
  });

  it('keeps a 2,000-resource account readable: grouped by service and region, a bounded number of rows each', () => {
    const text = formatTable(report(largeAccount()), { color: false, width: 80 });
    const out = lines(text);
    for (const line of out) expect([...line].length).toBeLessThanOrEqual(80);

    const headings = out.filter((l) => /^\S.*: \d+ (of \d+ )?resources?/.test(l));
    expect(headings).toEqual([
      'ec2 in us-east-1: 100 of 500 resources with failures or unknowns',
      's3 in eu-west-1: 180 of 1500 resources with failures or unknowns',
    ]);
    // each group: its heading, at most ROWS_PER_GROUP rows, then one line saying how many more there are
    const s3 = out.indexOf(headings[1]!);
    const s3Rows = out.slice(s3 + 1).filter((l) => l.startsWith('  tenant-'));
    expect(s3Rows).toHaveLength(ROWS_PER_GROUP);
    expect(text).toContain(`… ${180 - ROWS_PER_GROUP} more in s3 in eu-west-1`);
    expect(text).toContain(`… ${100 - ROWS_PER_GROUP} more in ec2 in us-east-1`);
    // worst first: the critical failures (every hundredth bucket) lead the group
    expect(s3Rows[0]).toMatch(/^ {2}tenant-0000-\S+ +1 +0/);
    expect(out.length).toBeLessThan(2 * ROWS_PER_GROUP + 20);
    expect(text).toContain('… 3040 passed checks on 1720 resources not shown; --show-passed lists them');
    expect(text).toMatch(/Total: 2000 resources +15 +100 +0 +135 +0 +30 +3220$/m);
  });

  it('fits COLUMNS without breaking a word: a name too long for its column keeps its start and end', () => {
    const arn = 'arn:aws:s3:::aws-athena-query-results-123456789012-ap-northeast-1';
    for (const width of [60, 80, 120]) {
      const text = formatTable(report([result(arn, 'ap-northeast-1', 'fail')]), { color: false, width });
      for (const line of lines(text)) expect([...line].length).toBeLessThanOrEqual(width);
      const row = lines(text).find((l) => l.startsWith('  aws-athen'))!;
      const name = row.trim().split(/ +/)[0]!;
      if (width >= 120) expect(name).toBe('aws-athena-query-results-123456789012-ap-northeast-1');
      else expect(name).toMatch(/^aws-athen.*….*theast-1$/);
      // the prose lines wrap between words: every word of the footer is whole on one line
      expect(text.replace(/\n/g, ' ')).toContain('Unkn counts checks that could not decide');
    }
  });
});
