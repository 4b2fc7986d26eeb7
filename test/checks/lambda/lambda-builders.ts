import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';

export const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;

/** One Functions item as ListFunctions returns it (a zip function on a current runtime). */
export function lambdaFunction(name: string, overrides: Record<string, unknown> = {}) {
  return {
    FunctionName: name,
    FunctionArn: functionArn(name),
    Runtime: 'python3.13',
    Role: `arn:aws:iam::${ACCOUNT_ID}:role/${name}-role`,
    Handler: 'app.handler',
    CodeSize: 2817,
    Description: '',
    Timeout: 30,
    MemorySize: 256,
    LastModified: '2026-10-02T08:14:55.861+0000',
    CodeSha256: 'Tv5s1eIC6rD4aaFxgH+QzQ2iBSuVhZhUOA5w3G7F8oM=',
    Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: '9a1b2c3d-4e5f-6789-abcd-ef0123456789',
    PackageType: 'Zip',
    Architectures: ['arm64'],
    EphemeralStorage: { Size: 512 },
    ...overrides,
  };
}

/** A GetPolicy answer: the policy as JSON text, as Lambda returns it. */
export function policyAnswer(...statements: object[]) {
  return {
    Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }),
    RevisionId: '4a1c8b7e-3e55-4a0e-9b49-8b9d2b1f0c6a',
  };
}

export const NO_POLICY = awsError('ResourceNotFoundException', 'The resource you requested does not exist.');

/** A region answering ListFunctions with `functions`, and GetPolicy per function ARN as given. */
export function lambdaSnapshot(
  functions: ReturnType<typeof lambdaFunction>[],
  policies: Record<string, unknown> = {},
): Snapshot {
  return snapshotOf({
    lambda: { [REGION]: { ListFunctions: { Functions: functions }, GetPolicy: policies } },
  } as Parameters<typeof snapshotOf>[0]);
}

export const DENIED = snapshotOf({
  lambda: {
    [REGION]: {
      ListFunctions: awsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action`,
      ),
    },
  },
});
export const DENIED_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:*`;
