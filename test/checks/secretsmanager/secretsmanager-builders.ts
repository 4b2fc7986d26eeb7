import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const secretArn = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT_ID}:secret:${name}-AbCdEf`;

/**
 * One ListSecrets entry as Secrets Manager gives it, dates as ISO times (the snapshot is collected 2026-11-22).
 * Fields left `undefined` are dropped: AWS leaves out what never happened (rotation, access).
 */
export function secret(name: string, overrides: Record<string, unknown> = {}) {
  const entry: Record<string, unknown> = {
    ARN: secretArn(name),
    Name: name,
    LastChangedDate: '2026-11-01T09:00:00.000Z',
    LastAccessedDate: '2026-11-20T00:00:00.000Z',
    Tags: [],
    SecretVersionsToStages: { 'b5f2c1a4-6d3e-4f8a-9c7b-1e2d3f4a5b6c': ['AWSCURRENT'] },
    CreatedDate: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

/** Rotation on, every 30 days, last rotated `rotated`. */
export const rotating = (rotated: string) => ({
  RotationEnabled: true,
  RotationLambdaARN: `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:SecretsManagerRotation`,
  RotationRules: { AutomaticallyAfterDays: 30 },
  LastRotatedDate: rotated,
  NextRotationDate: '2026-12-15T23:59:59.000Z',
});

export const secretsSnapshot = (...entries: object[]): Snapshot =>
  snapshotOf({ secretsmanager: { [REGION]: { ListSecrets: { SecretList: entries } } } } as Parameters<
    typeof snapshotOf
  >[0]);

export const LIST_DENIED = snapshotOf({
  secretsmanager: {
    [REGION]: {
      ListSecrets: awsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action`,
      ),
    },
  },
});
export const DENIED_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT_ID}:secret:*`;
