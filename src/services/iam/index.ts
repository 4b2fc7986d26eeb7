import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListServerCertificatesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { IAM_OPERATIONS, IAM_PER_RESOURCE, NO_PASSWORD_POLICY, SUPPORT_POLICY_ARN } from './schema.ts';
import { defineService } from '../define-service.ts';
import { iamMarkerPages } from '../pagination.ts';

/**
 * IAM evidence (a global service, collected once; see docs/snapshot.md, section iam). The credential report is
 * generated first and asked again until IAM says COMPLETE; a report still in progress after the wait is recorded
 * as GetCredentialReport's `ReportInProgress` error, so the user checks say `unknown`.
 */
export default defineService({
  name: 'iam',
  title: 'AWS IAM',
  scope: 'global',
  client: IAMClient,
  operations: {
    GetAccountSummary: {
      command: GetAccountSummaryCommand,
      response: IAM_OPERATIONS.GetAccountSummary,
      iam: ['iam:GetAccountSummary'],
    },
    GetAccountPasswordPolicy: {
      command: GetAccountPasswordPolicyCommand,
      response: IAM_OPERATIONS.GetAccountPasswordPolicy,
      notConfigured: NO_PASSWORD_POLICY,
      iam: ['iam:GetAccountPasswordPolicy'],
    },
    GenerateCredentialReport: {
      command: GenerateCredentialReportCommand,
      poll: {
        done: (answer) =>
          (answer as { State?: string }).State === undefined || (answer as { State?: string }).State === 'COMPLETE',
        attempts: 15,
        delayMs: 2000,
      },
      response: IAM_OPERATIONS.GenerateCredentialReport,
      iam: ['iam:GenerateCredentialReport'],
    },
    // Asked even when generation failed or timed out: an older report may still be there, and IAM names the problem.
    GetCredentialReport: {
      command: GetCredentialReportCommand,
      after: ['GenerateCredentialReport'],
      // The SDK decodes the report to bytes; the snapshot keeps it base64, as the API and the CLI give it.
      page: (output) => ({
        ...output,
        Content: output.Content ? Buffer.from(output.Content as Uint8Array).toString('base64') : undefined,
      }),
      response: IAM_OPERATIONS.GetCredentialReport,
      iam: ['iam:GetCredentialReport'],
    },
    // Assigned virtual MFA devices: a root MFA (AccountMFAEnabled = 1) that is not among them is a hardware device or
    // a passkey/security key (CIS 1.6 v3.0, 1.5 v5.0).
    ListVirtualMFADevices: {
      command: ListVirtualMFADevicesCommand,
      input: () => ({ AssignmentStatus: 'Assigned', MaxItems: 1000 }),
      pages: iamMarkerPages('VirtualMFADevices'),
      response: IAM_OPERATIONS.ListVirtualMFADevices,
      iam: ['iam:ListVirtualMFADevices'],
    },
    // Certificates uploaded to IAM (for regions without ACM, or from before ACM): expired ones should be deleted.
    ListServerCertificates: {
      command: ListServerCertificatesCommand,
      input: () => ({ MaxItems: 1000 }),
      pages: iamMarkerPages('ServerCertificateMetadataList'),
      response: IAM_OPERATIONS.ListServerCertificates,
      iam: ['iam:ListServerCertificates'],
    },
    // Customer managed (IAM.1) and AWS managed (AdministratorAccess on a role…) policies that someone has.
    ListPolicies: {
      command: ListPoliciesCommand,
      input: () => ({ Scope: 'All', OnlyAttached: true, MaxItems: 1000 }),
      pages: iamMarkerPages('Policies'),
      response: IAM_OPERATIONS.ListPolicies,
      iam: ['iam:ListPolicies'],
    },
    GetPolicyVersion: {
      command: GetPolicyVersionCommand,
      perResource: {
        after: ['ListPolicies'],
        targets: (answers) =>
          (
            (answers.ListPolicies as { Policies?: { Arn: string; DefaultVersionId?: string }[] } | undefined)
              ?.Policies ?? []
          ).map((p) => ({
            key: p.Arn,
            input: { PolicyArn: p.Arn, VersionId: p.DefaultVersionId ?? 'v1' },
          })),
      },
      response: IAM_PER_RESOURCE.GetPolicyVersion,
      iam: ['iam:GetPolicyVersion'],
    },
    // CIS 1.17 asks for a role: roles are gathered across pages (users and groups are informative).
    ListEntitiesForPolicy: {
      command: ListEntitiesForPolicyCommand,
      perResource: {
        after: [],
        targets: (_answers, { partition }) => {
          const arn = SUPPORT_POLICY_ARN.replace('arn:aws:', `arn:${partition}:`);
          return [{ key: arn, input: { PolicyArn: arn, MaxItems: 1000 } }];
        },
      },
      pages: iamMarkerPages('PolicyRoles'),
      response: IAM_PER_RESOURCE.ListEntitiesForPolicy,
      iam: ['iam:ListEntitiesForPolicy'],
    },
    // Users, groups and roles only. With LocalManagedPolicy or AWSManagedPolicy in the filter, `Policies` would hold
    // every version of each managed policy (`PolicyVersionList`; AWS managed policies have dozens) and customer
    // managed policies nobody has, and the API reference does not say which AWS managed policies it lists: megabytes
    // more in a large account, for documents ListPolicies (Scope All, OnlyAttached) + GetPolicyVersion give once
    // each, default version only. A snapshot from the CLI with no filter works too (the normaliser reads `Policies`).
    GetAccountAuthorizationDetails: {
      command: GetAccountAuthorizationDetailsCommand,
      input: () => ({ Filter: ['User', 'Group', 'Role'], MaxItems: 1000 }),
      pages: iamMarkerPages('UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'),
      response: IAM_OPERATIONS.GetAccountAuthorizationDetails,
      iam: ['iam:GetAccountAuthorizationDetails'],
    },
  },
});
