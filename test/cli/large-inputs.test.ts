import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

const DEMO = fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cw-large-inputs-'));
/** More items than V8 takes as arguments of one call: `push(...items)` overflows the stack on them. */
const MANY = 150_000;

describe('large inputs are never spread into arguments', () => {
  it(`scan snapshot --accept with a ${MANY.toLocaleString('en-US')}-entry accept file`, async () => {
    const file = join(dir, 'big.trivyignore');
    const lines: string[] = [];
    for (let i = 0; i < MANY; i += 1)
      lines.push(i === 0 ? 'AVD-AWS-0089' : `s3-bucket-versioning-enabled exp:2099-01-0${1 + (i % 9)}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runCliInProcess([
      'scan',
      'snapshot',
      DEMO,
      '--accept',
      file,
      '--format',
      'json',
      '--status',
      'accepted',
      '-q',
    ]);
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { results: { checkId: string; acceptance: { source: string } }[] };
    // line 1 accepts the demo's logging failures, line 2 (first in file order) its versioning ones
    const sources = new Set(report.results.map((r) => `${r.checkId} ${r.acceptance.source}`));
    expect([...sources].sort()).toEqual([
      `s3-bucket-logging-enabled ${file}:1`,
      `s3-bucket-versioning-enabled ${file}:2`,
    ]);
  }, 600_000);

  it(`scan snapshot with ${MANY.toLocaleString('en-US')} EBS snapshots in one region`, async () => {
    const snapshot = JSON.parse(readFileSync(DEMO, 'utf8')) as {
      ec2: Record<string, { DescribeSnapshots: { Snapshots: unknown[] } }>;
    };
    const region = Object.keys(snapshot.ec2)[0]!;
    const listed = snapshot.ec2[region]!.DescribeSnapshots.Snapshots;
    for (let i = 0; i < MANY; i += 1) {
      listed.push({
        SnapshotId: `snap-${i.toString(16).padStart(17, '0')}`,
        VolumeId: 'vol-0d3m0a1b2c3d4e5f6',
        Encrypted: true,
        OwnerId: '123456789012',
        State: 'completed',
      });
    }
    const file = join(dir, 'many-snapshots.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const run = await runCliInProcess([
      'scan',
      'snapshot',
      file,
      '--check',
      'ec2-ebs-snapshot-not-public',
      '--format',
      'json',
      '--status',
      'fail',
      '-q',
    ]);
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { results: { resource: { arn: string } }[] };
    expect(report.results.map((r) => r.resource.arn)).toEqual([expect.stringContaining('snap-0pub0a1b2c3d4e5f6')]);
  }, 600_000);
});
