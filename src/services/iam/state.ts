import { defineServiceState, resourceArn } from '../define-state.ts';
import type { IamPolicy, IamServerCertificate, IamState } from './model.ts';
import { normaliseIam } from './normalise.ts';

/** AWS IAM in the account state: `state.iam` (credential report users, managed policies, principals). */
export default defineServiceState({
  sections: ['iam'],
  normalise: (snapshot, context) => {
    const { iam, gaps } = normaliseIam(snapshot.iam ?? {}, context);
    return { state: iam, gaps };
  },
  resources: {
    'iam-user': {
      securityHubType: 'AwsIamUser',
      arn: resourceArn('iam', 'user', 'global'),
      of: (state: IamState) => state.users,
    },
    'iam-policy': {
      securityHubType: 'AwsIamPolicy',
      arn: resourceArn('iam', 'policy', 'global'),
      of: (state: IamState) => state.policies,
    },
    // ASFF has no server certificate type (Security Hub's AWS Config type is AWS::IAM::ServerCertificate)
    'iam-server-certificate': {
      securityHubType: 'Other',
      arn: resourceArn('iam', 'server-certificate', 'global'),
      of: (state: IamState) => state.serverCertificates,
    },
    // users and roles with their policies: each result names the type its ARN has
    'iam-principal': {
      securityHubType: 'AwsIamUser, AwsIamRole',
      securityHubTypeOf: (arn) => (/^arn:[^:]+:iam::[^:]*:role\//.test(arn) ? 'AwsIamRole' : 'AwsIamUser'),
      arn: resourceArn('iam', 'role', 'global'),
      of: (state: IamState) => state.principals,
    },
  },
  operations: {
    'iam:GetAccountSummary': { scope: 'account', read: (state: IamState) => state.accountSummary },
    'iam:ListVirtualMFADevices': { scope: 'account', read: (state: IamState) => state.virtualMfaUsers },
    'iam:ListServerCertificates': {
      scope: 'iam-server-certificate',
      read: (state: IamState, _certificate: IamServerCertificate) => state.serverCertificateListing,
    },
    'iam:GetAccountPasswordPolicy': { scope: 'account', read: (state: IamState) => state.passwordPolicy },
    'iam:GetCredentialReport': { scope: 'account', read: (state: IamState) => state.credentialReport },
    'iam:ListEntitiesForPolicy': { scope: 'account', read: (state: IamState) => state.supportAccess },
    'iam:GetPolicyVersion': { scope: 'iam-policy', read: (_state: IamState, policy: IamPolicy) => policy.document },
    'iam:GetAccountAuthorizationDetails': {
      scope: 'iam-principal',
      read: (state: IamState) => state.authorizationDetails,
    },
  },
});
