import check from '../../../src/checks/iam/iam-policy-no-full-admin.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot, policyVersion } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ARN = 'arn:aws:iam::123456789012:policy/deploy-site';
const withDocument = (document: unknown) => iamSnapshot({ GetPolicyVersion: { [ARN]: policyVersion(document) } });
const statement = (s: Record<string, unknown>) => withDocument({ Version: '2012-10-17', Statement: s });

testCheck(check, {
  pass: [
    { name: 'a least-privilege policy', snapshot: iamSnapshot(), message: 'deploy-site allows no "*" action on "*"' },
    {
      name: '"*" actions on one bucket only',
      snapshot: statement({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::site/*' }),
    },
    { name: 'a Deny of "*" on "*"', snapshot: statement({ Effect: 'Deny', Action: '*', Resource: '*' }) },
    { name: 's3:* on "*" is not full admin', snapshot: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
    {
      name: 'the CLI form: the document as JSON, not URL-encoded',
      snapshot: iamSnapshot({
        GetPolicyVersion: {
          [ARN]: {
            PolicyVersion: {
              Document: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }],
              },
              VersionId: 'v1',
              IsDefaultVersion: true,
            },
          },
        },
      }),
    },
  ],
  fail: [
    {
      name: 'Action "*" on Resource "*"',
      snapshot: statement({ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }),
      message: 'allows "*" on "*": statement Admin',
    },
    {
      name: 'arrays holding "*:*" and "*"',
      snapshot: statement({ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['*'] }),
      message: 'attached 1 time(s)',
    },
    {
      name: 'a condition does not clear it',
      snapshot: statement({
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
      message: '(with a condition)',
    },
  ],
  unknown: [
    {
      name: 'GetPolicyVersion denied',
      snapshot: iamSnapshot({
        GetPolicyVersion: { [ARN]: awsError('AccessDenied', 'not authorized to perform: iam:GetPolicyVersion') },
      }),
      message: 'AccessDenied on iam:GetPolicyVersion',
    },
    {
      name: 'the document is not JSON',
      snapshot: iamSnapshot({
        GetPolicyVersion: { [ARN]: { PolicyVersion: { Document: '%7B%22Version', IsDefaultVersion: true } } },
      }),
      message: 'MalformedPolicyJSON',
    },
    {
      name: 'ListPolicies denied: every customer managed policy is hidden',
      snapshot: iamSnapshot({ ListPolicies: awsError('AccessDenied', 'not authorized to perform: iam:ListPolicies') }),
      arn: 'arn:aws:iam::123456789012:policy/*',
      message: 'AccessDenied on iam:ListPolicies',
    },
  ],
});
