import { describe, expect, it } from 'vitest';
import { evaluateOn } from '../../../src/checks/engine.ts';
import policyNoFullAdmin from '../../../src/checks/iam/iam-policy-no-full-admin.ts';
import principalNoFullAdmin from '../../../src/checks/iam/iam-principal-no-full-admin.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { validateSnapshot } from '../../../src/model/snapshot.ts';
import { authorizationDetails, iamSnapshot, roleDetail } from '../../support/iam-builders.ts';

/**
 * The class "a policy document that is not a policy", for IAM's two sources of documents: GetPolicyVersion (a
 * customer managed policy) and the inline policies of GetAccountAuthorizationDetails. IAM only stores a JSON object
 * with object statements, so anything else is unknown with the reason, never a pass.
 */
const POLICY_ARN = 'arn:aws:iam::123456789012:policy/deploy-site';
const READ = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

// the document as IAM's API returns it (URL-encoded text), or as the AWS CLI prints it (a JSON object)
const NOT_A_POLICY: [label: string, document: string | Record<string, unknown>, reason: string][] = [
  ['null', encodeURIComponent('null'), 'MalformedPolicy on OP: the policy document is not a JSON object (it is null)'],
  ['[]', encodeURIComponent('[]'), 'MalformedPolicy on OP: the policy document is not a JSON object (it is a list)'],
  ['42', encodeURIComponent('42'), 'MalformedPolicy on OP: the policy document is not a JSON object (it is a number)'],
  [
    '"string"',
    encodeURIComponent('"string"'),
    'MalformedPolicy on OP: the policy document is not a JSON object (it is a string)',
  ],
  [
    'invalid JSON',
    encodeURIComponent('{"Statement": ['),
    'MalformedPolicyJSON on OP: the policy document is not valid JSON',
  ],
  [
    'no Statement',
    encodeURIComponent('{"Version": "2012-10-17"}'),
    'MalformedPolicy on OP: the policy document has no Statement',
  ],
  [
    '{"Statement": "x"}',
    encodeURIComponent('{"Statement": "x"}'),
    'MalformedPolicy on OP: the policy document has a Statement that is a string',
  ],
  [
    'a statement that is not an object',
    encodeURIComponent(JSON.stringify({ Statement: [READ, 'x'] })),
    'MalformedPolicy on OP: the policy document has a statement #2 that is a string, not an object',
  ],
  [
    'the CLI form with {"Statement": "x"}',
    { Version: '2012-10-17', Statement: 'x' },
    'MalformedPolicy on OP: the policy document has a Statement that is a string',
  ],
  [
    'the CLI form with a statement that is a list',
    { Version: '2012-10-17', Statement: [[READ]] },
    'MalformedPolicy on OP: the policy document has a statement #1 that is a list',
  ],
];

describe('an IAM policy document that is not a policy is unknown', () => {
  for (const [label, document, reason] of NOT_A_POLICY) {
    it(`iam-policy-no-full-admin, GetPolicyVersion document ${label}`, () => {
      const snapshot = iamSnapshot({
        GetPolicyVersion: {
          [POLICY_ARN]: { PolicyVersion: { Document: document, VersionId: 'v2', IsDefaultVersion: true } },
        },
      });
      const state = normalise(validateSnapshot(snapshot));
      const policy = state.iam.policies.find((p) => p.arn === POLICY_ARN)!;
      const verdict = evaluateOn(policyNoFullAdmin, policy, state);
      expect(verdict.status, verdict.message).toBe('unknown');
      expect(verdict.status === 'unknown' && verdict.reason).toContain(reason.replace('OP', 'iam:GetPolicyVersion'));
    });

    it(`iam-principal-no-full-admin, inline policy ${label}`, () => {
      const details = authorizationDetails();
      details.RoleDetailList = [
        roleDetail('builder', { RolePolicyList: [{ PolicyName: 'build', PolicyDocument: document }] }),
      ];
      const state = normalise(validateSnapshot(iamSnapshot({ GetAccountAuthorizationDetails: details })));
      const role = state.iam.principals.find((p) => p.name === 'builder')!;
      const verdict = evaluateOn(principalNoFullAdmin, role, state);
      expect(verdict.status, verdict.message).toBe('unknown');
      expect(verdict.message).toContain(
        `build (inline): ${reason.replace('OP', 'iam:GetAccountAuthorizationDetails')}`,
      );
    });
  }
});
