import type { ExportTarget } from '../../src/vulns/export-policies.ts';

/** The export of seed 003: bucket `inspector2-test`, a key in the same account and region. */
export function exportTarget(prefix: string): ExportTarget {
  return {
    accountId: '111122223333',
    partition: 'aws',
    region: 'us-east-1',
    bucket: 'inspector2-test',
    prefix,
    kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  };
}

/** The default key policy statement: the account root may do everything with the key. */
export const ROOT_STATEMENT = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 'kms:*',
  Resource: '*',
};

export const policy = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
