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
} from '@aws-sdk/client-iam';
import { setTimeout as sleep } from 'node:timers/promises';
import { IAM_OPERATIONS, IAM_PER_RESOURCE, SUPPORT_POLICY_ARN } from '../model/iam-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { collectPages, IAM_MARKER, perResource } from './token-pages.ts';

/** GetPolicyVersion is one call per attached managed policy; beyond this many, principals with the rest say `unknown`. */
export const MAX_POLICY_VERSION_CALLS = 1000;

/** The lists GetAccountAuthorizationDetails pages through, all at once. */
const AUTHORIZATION_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

export interface CredentialReportWait {
  /** how many times GenerateCredentialReport is asked before giving up on a report still in progress */
  attempts: number;
  delayMs: number;
}

/**
 * IAM evidence (a global service, collected once; see docs/snapshot.md, section iam). The credential report is
 * generated first and polled until IAM says COMPLETE; a report still in progress after the wait is recorded
 * as GetCredentialReport's `ReportInProgress` error, so the user checks say `unknown`.
 */
export function iamCollectorWith(wait: CredentialReportWait): RegionalServiceCollector {
  return {
    service: 'iam',
    global: true,
    async collectRegion(context: RegionContext) {
      const iam = context.clients.client(IAMClient, context.region);
      const opts = (abortSignal: AbortSignal) => ({ abortSignal });
      const supportArn = SUPPORT_POLICY_ARN.replace('arn:aws:', `arn:${context.partition}:`);
      const [GetAccountSummary, GetAccountPasswordPolicy, report, ListPolicies, supportEntities, GetAccountAuthorizationDetails] = await Promise.all([
        context.call('GetAccountSummary', IAM_OPERATIONS.GetAccountSummary, (s) => iam.send(new GetAccountSummaryCommand({}), opts(s))),
        context.call('GetAccountPasswordPolicy', IAM_OPERATIONS.GetAccountPasswordPolicy, (s) => iam.send(new GetAccountPasswordPolicyCommand({}), opts(s))),
        credentialReport(context, iam, wait),
        // Customer managed (IAM.1) and AWS managed (AdministratorAccess on a role…) policies that someone has.
        collectPages(context, 'ListPolicies', IAM_OPERATIONS.ListPolicies, 'Policies', IAM_MARKER, (Marker, s) =>
          iam.send(new ListPoliciesCommand({ Scope: 'All', OnlyAttached: true, Marker, MaxItems: 1000 }), opts(s)),
        ),
        // CIS 1.17 asks for a role: roles are gathered across pages (users and groups are informative).
        collectPages(context, 'ListEntitiesForPolicy', IAM_PER_RESOURCE.ListEntitiesForPolicy, 'PolicyRoles', IAM_MARKER, (Marker, s) =>
          iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: supportArn, Marker, MaxItems: 1000 }), opts(s)),
        ),
        // Users, groups and roles only. With LocalManagedPolicy or AWSManagedPolicy in the filter, `Policies` would hold
        // every version of each managed policy (`PolicyVersionList`; AWS managed policies have dozens) and customer
        // managed policies nobody has, and the API reference does not say which AWS managed policies it lists: megabytes
        // more in a large account, for documents ListPolicies (Scope All, OnlyAttached) + GetPolicyVersion give once
        // each, default version only. A snapshot from the CLI with no filter works too (the normaliser reads `Policies`).
        collectPages(
          context,
          'GetAccountAuthorizationDetails',
          IAM_OPERATIONS.GetAccountAuthorizationDetails,
          AUTHORIZATION_LISTS,
          IAM_MARKER,
          (Marker, s) => iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'Group', 'Role'], Marker, MaxItems: 1000 }), opts(s)),
        ),
      ]);
      const policies = (ListPolicies as { Policies?: { Arn: string; DefaultVersionId?: string }[] } | undefined)?.Policies ?? [];
      const versions = new Map(policies.map((p) => [p.Arn, p.DefaultVersionId]));
      const GetPolicyVersion = await perResource([...versions.keys()], MAX_POLICY_VERSION_CALLS, (PolicyArn) =>
        context.call('GetPolicyVersion', IAM_PER_RESOURCE.GetPolicyVersion, (s) =>
          iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId: versions.get(PolicyArn) ?? 'v1' }), opts(s)),
        ),
      );
      return {
        GetAccountSummary,
        GetAccountPasswordPolicy,
        ...report,
        ListPolicies,
        GetPolicyVersion,
        ListEntitiesForPolicy: supportEntities === undefined ? undefined : { [supportArn]: supportEntities },
        GetAccountAuthorizationDetails,
      };
    },
  };
}

export const iamCollector = iamCollectorWith({ attempts: 15, delayMs: 2000 });

async function credentialReport(context: RegionContext, iam: IAMClient, wait: CredentialReportWait) {
  let GenerateCredentialReport: unknown;
  for (let attempt = 0; attempt < wait.attempts; attempt += 1) {
    GenerateCredentialReport = await context.call('GenerateCredentialReport', IAM_OPERATIONS.GenerateCredentialReport, (s) =>
      iam.send(new GenerateCredentialReportCommand({}), { abortSignal: s }),
    );
    const state = (GenerateCredentialReport as { State?: string } | undefined)?.State;
    if (state === undefined || state === 'COMPLETE') break;
    await sleep(wait.delayMs, undefined, { signal: context.signal }).catch(() => undefined);
  }
  // Asked even when generation failed or timed out: an older report may still be there, and IAM names the problem.
  const GetCredentialReport = await context.call('GetCredentialReport', IAM_OPERATIONS.GetCredentialReport, async (s) => {
    const output = await iam.send(new GetCredentialReportCommand({}), { abortSignal: s });
    // The SDK decodes the report to bytes; the snapshot keeps it base64, as the API and the CLI give it.
    return { ...output, Content: output.Content ? Buffer.from(output.Content).toString('base64') : undefined };
  });
  return { GenerateCredentialReport, GetCredentialReport };
}
