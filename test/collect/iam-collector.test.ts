import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  IAMClient,
  IAMServiceException,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListServerCertificatesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import principalNoFullAdmin from '../../src/checks/iam/iam-principal-no-full-admin.ts';
import { runChecks } from '../../src/checks/engine.ts';
import iamService from '../../src/services/iam/index.ts';
import { collectRegional } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import {
  ADMIN_ARN,
  attached,
  credentialReport,
  groupDetail,
  hardenedIam,
  inlinePolicy,
  roleDetail,
  rootRow,
  SUPPORT_ARN,
  userDetail,
  userRow,
} from '../support/iam-builders.ts';

const ACCOUNT = { accountId: '123456789012', partition: 'aws' };
// the credential report's wait, shortened
const generate = iamService.operations.GenerateCredentialReport;
const collector = {
  ...iamService,
  operations: {
    ...iamService.operations,
    GenerateCredentialReport: { ...generate, poll: { ...generate.poll, attempts: 3, delayMs: 1 } },
  },
};

function iamError(name: string, message: string, httpStatusCode = 404) {
  return new IAMServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode } });
}

const iam = mockClient(IAMClient);
let clients: AwsClients;
const base = hardenedIam();
const csvBytes = (content: string) => new Uint8Array(Buffer.from(content, 'base64'));

beforeEach(async () => {
  iam.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
  iam.on(GetAccountSummaryCommand).resolves(base.GetAccountSummary as never);
  iam.on(GetAccountPasswordPolicyCommand).resolves(base.GetAccountPasswordPolicy as never);
  iam
    .on(GenerateCredentialReportCommand)
    .resolvesOnce({ State: 'STARTED', Description: 'No report exists. Starting a new report generation task' })
    .resolves({ State: 'COMPLETE' });
  const report = credentialReport(rootRow(), userRow('alice'), userRow('bob', { mfa_active: 'false' }));
  iam.on(GetCredentialReportCommand).resolves({
    Content: csvBytes(report.Content),
    ReportFormat: 'text/csv',
    GeneratedTime: new Date(report.GeneratedTime),
  });
  iam.on(ListPoliciesCommand).resolves(base.ListPolicies as never);
  iam.on(ListVirtualMFADevicesCommand).resolves(base.ListVirtualMFADevices as never);
  // the SDK gives dates as Date objects: the snapshot keeps them as ISO strings
  iam.on(ListServerCertificatesCommand).resolves({
    ServerCertificateMetadataList: [
      {
        Path: '/cloudfront/',
        ServerCertificateName: 'www-2027',
        ServerCertificateId: 'ASCAWWW2027XXXXXXXXXX',
        Arn: 'arn:aws:iam::123456789012:server-certificate/cloudfront/www-2027',
        UploadDate: new Date('2026-03-01T12:00:00Z'),
        Expiration: new Date('2027-03-01T12:00:00Z'),
      },
    ],
    IsTruncated: false,
  });
  iam.on(GetPolicyVersionCommand).resolves(Object.values(base.GetPolicyVersion ?? {})[0] as never);
  iam.on(ListEntitiesForPolicyCommand).resolves({
    PolicyGroups: [],
    PolicyUsers: [],
    PolicyRoles: [{ RoleName: 'aws-support', RoleId: 'AROAEXAMPLE1234567890' }],
    IsTruncated: false,
  });
  iam
    .on(GetAccountAuthorizationDetailsCommand)
    .resolves({ ...(base.GetAccountAuthorizationDetails as object), IsTruncated: false });
});
afterEach(() => clients.destroy());

async function collect() {
  const run = new RunState(pLimit(8));
  const sections = await collectRegional(clients, ACCOUNT, [collector], ['us-east-1', 'eu-west-1'], run);
  const snapshot = validateSnapshot({
    cloudwarden: 'snapshot/v1',
    ...ACCOUNT,
    collectedAt: '2026-11-22T00:00:00Z',
    regions: ['us-east-1', 'eu-west-1'],
    ...sections,
  });
  return { snapshot, run };
}

describe('iam collector', () => {
  it('collects once (global, no region level), waits for the credential report and keeps it base64', async () => {
    const { snapshot } = await collect();
    expect(Object.keys(snapshot.iam ?? {})).toContain('GetAccountSummary');
    expect(iam.commandCalls(GetAccountSummaryCommand)).toHaveLength(1);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    const content = (snapshot.iam?.GetCredentialReport as { Content: string }).Content;
    expect(Buffer.from(content, 'base64').toString('utf8')).toMatch(/^user,arn,user_creation_time/);
    const state = normalise(snapshot);
    expect(state.iam.users.map((u) => [u.name, u.mfaActive])).toEqual([
      ['alice', true],
      ['bob', false],
    ]);
    expect(state.iam.credentialReport).toMatchObject({
      kind: 'present',
      value: { root: { arn: 'arn:aws:iam::123456789012:root', mfaActive: true } },
    });
    expect(snapshot.iam?.ListEntitiesForPolicy?.[SUPPORT_ARN]).toMatchObject({
      PolicyRoles: [{ RoleName: 'aws-support' }],
    });
  });

  it('records NoSuchEntity for a missing password policy (a fact: the check fails, not unknown)', async () => {
    iam
      .on(GetAccountPasswordPolicyCommand)
      .rejects(iamError('NoSuchEntity', 'The Password Policy with domain name 123456789012 cannot be found.'));
    const { snapshot } = await collect();
    expect(snapshot.iam?.GetAccountPasswordPolicy).toEqual({
      error: { name: 'NoSuchEntity', message: 'The Password Policy with domain name 123456789012 cannot be found.' },
    });
    expect(normalise(snapshot).iam.passwordPolicy).toEqual({ kind: 'absent', errorName: 'NoSuchEntity' });
  });

  it('records ReportInProgress when the report is still not ready after the wait', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    iam.on(GetCredentialReportCommand).rejects(iamError('ReportInProgress', 'Report generation in progress.'));
    const { snapshot, run } = await collect();
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    expect(snapshot.iam?.GetCredentialReport).toEqual({
      error: { name: 'ReportInProgress', message: 'Report generation in progress.' },
    });
    expect(run.stats.errors).toBe(1);
    expect(normalise(snapshot).gaps).toContainEqual(
      expect.objectContaining({ kind: 'iam-user', arn: 'arn:aws:iam::123456789012:user/*' }),
    );
  });

  it('concatenates ListPolicies pages (IsTruncated + Marker) and reads each default version', async () => {
    const policy = (n: number) => ({
      PolicyName: `p${n}`,
      Arn: `arn:aws:iam::123456789012:policy/p${n}`,
      DefaultVersionId: `v${n}`,
      AttachmentCount: 1,
    });
    iam
      .on(ListPoliciesCommand)
      .resolvesOnce({ Policies: [policy(1)], IsTruncated: true, Marker: 'page-2' })
      .resolves({ Policies: [policy(2)], IsTruncated: false });
    const { snapshot } = await collect();
    expect(snapshot.iam?.ListPolicies).toEqual({ Policies: [policy(1), policy(2)] });
    expect(iam.commandCalls(ListPoliciesCommand)[1]?.args[0].input).toMatchObject({
      Scope: 'All',
      OnlyAttached: true,
      Marker: 'page-2',
    });
    expect(iam.commandCalls(GetPolicyVersionCommand).map((c) => c.args[0].input)).toEqual([
      { PolicyArn: 'arn:aws:iam::123456789012:policy/p1', VersionId: 'v1' },
      { PolicyArn: 'arn:aws:iam::123456789012:policy/p2', VersionId: 'v2' },
    ]);
    expect(Object.keys(snapshot.iam?.GetPolicyVersion ?? {})).toHaveLength(2);
  });

  it('records a denied listing as its error, without stopping the other calls', async () => {
    iam
      .on(ListPoliciesCommand)
      .rejects(
        iamError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:ListPolicies',
          403,
        ),
      );
    const { snapshot } = await collect();
    expect(snapshot.iam?.ListPolicies).toMatchObject({ error: { name: 'AccessDenied' } });
    expect(snapshot.iam?.GetPolicyVersion).toBeUndefined();
    expect(snapshot.iam?.GetAccountSummary).toBeDefined();
  });

  it('concatenates GetAccountAuthorizationDetails pages (users, groups, roles; Filter User, Group, Role) and joins groups to users', async () => {
    const admins = groupDetail('Admins', { AttachedManagedPolicies: [attached(ADMIN_ARN)] });
    const adminAccess = {
      PolicyName: 'AdministratorAccess',
      Arn: ADMIN_ARN,
      DefaultVersionId: 'v1',
      AttachmentCount: 1,
    };
    iam.on(ListPoliciesCommand).resolves({ Policies: [adminAccess], IsTruncated: false });
    iam.on(GetPolicyVersionCommand).resolves({
      PolicyVersion: {
        Document: encodeURIComponent(
          JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
        ),
        VersionId: 'v1',
        IsDefaultVersion: true,
      },
    });
    iam
      .on(GetAccountAuthorizationDetailsCommand)
      .resolvesOnce({
        UserDetailList: [userDetail('carol', { GroupList: ['Admins'] })] as never,
        GroupDetailList: [],
        RoleDetailList: [],
        Policies: [],
        IsTruncated: true,
        Marker: 'page-2',
      })
      .resolves({
        UserDetailList: [],
        GroupDetailList: [admins] as never,
        RoleDetailList: [
          roleDetail('ci', {
            RolePolicyList: [
              inlinePolicy('ci-all', {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
              }),
            ],
          }),
        ] as never,
        Policies: [],
        IsTruncated: false,
      });
    const { snapshot } = await collect();
    const calls = iam.commandCalls(GetAccountAuthorizationDetailsCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { Filter: ['User', 'Group', 'Role'], MaxItems: 1000 },
      { Filter: ['User', 'Group', 'Role'], MaxItems: 1000, Marker: 'page-2' },
    ]);
    const details = snapshot.iam?.GetAccountAuthorizationDetails as Record<string, unknown[]>;
    expect(Object.keys(details).sort()).toEqual(['GroupDetailList', 'Policies', 'RoleDetailList', 'UserDetailList']);
    expect([details.UserDetailList, details.GroupDetailList, details.RoleDetailList].map((l) => l?.length)).toEqual([
      1, 1, 1,
    ]);
    const results = runChecks([principalNoFullAdmin], normalise(snapshot));
    expect(results.map((r) => [r.resource.arn, r.resource.type, r.status])).toEqual([
      ['arn:aws:iam::123456789012:role/ci', 'AwsIamRole', 'pass'],
      ['arn:aws:iam::123456789012:user/carol', 'AwsIamUser', 'fail'],
    ]);
    expect(results[1]?.message).toContain('AdministratorAccess (AWS managed, via group Admins)');
  });

  it('records a denied GetAccountAuthorizationDetails: every user and role is unknown, the other calls are kept', async () => {
    const message =
      'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: *';
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(iamError('AccessDenied', message, 403));
    const { snapshot } = await collect();
    expect(snapshot.iam?.GetAccountAuthorizationDetails).toEqual({ error: { name: 'AccessDenied', message } });
    expect(snapshot.iam?.GetCredentialReport).toHaveProperty('Content');
    const results = runChecks([principalNoFullAdmin], normalise(snapshot));
    expect(results.map((r) => [r.resource.arn, r.resource.type, r.status])).toEqual([
      ['arn:aws:iam::123456789012:role/*', 'AwsIamRole', 'unknown'],
      ['arn:aws:iam::123456789012:user/*', 'AwsIamUser', 'unknown'],
    ]);
    expect(results[0]?.reason).toBe(`AccessDenied on iam:GetAccountAuthorizationDetails: ${message}`);
  });
});
