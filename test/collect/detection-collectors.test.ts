import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
} from '@aws-sdk/client-config-service';
import {
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListMalwareProtectionPlansCommand,
} from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetMacieSessionCommand, Macie2Client, Macie2ServiceException } from '@aws-sdk/client-macie2';
import {
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  SecurityHubClient,
  SecurityHubServiceException,
} from '@aws-sdk/client-securityhub';
import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import accessanalyzerCollector from '../../src/services/accessanalyzer/index.ts';
import configCollector from '../../src/services/config/index.ts';
import ecrCollector from '../../src/services/ecr/index.ts';
import elbv2Collector from '../../src/services/elbv2/index.ts';
import guarddutyCollector from '../../src/services/guardduty/index.ts';
import inspector2Collector from '../../src/services/inspector2/index.ts';
import kmsCollector from '../../src/services/kms/index.ts';
import macie2Collector from '../../src/services/macie2/index.ts';
import { collectRegional } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import securityhubCollector from '../../src/services/securityhub/index.ts';
import { CHECKS as checks } from '../../src/checks/catalogue.ts';
import { runChecks } from '../../src/checks/engine.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import {
  analyzer,
  configRegion,
  detector,
  DETECTOR_ID,
  inspectorStatus,
  keyMetadata,
  loadBalancer,
  macieSession,
  registryScanning,
  repository,
  securityhubRegion,
  webAcl,
} from '../support/detection-builders.ts';

const ACCOUNT = { accountId: '123456789012', partition: 'aws' };
const REGIONS = ['ap-northeast-1', 'us-east-1'];
const COLLECTORS = [
  guarddutyCollector,
  securityhubCollector,
  configCollector,
  accessanalyzerCollector,
  inspector2Collector,
  macie2Collector,
  kmsCollector,
  ecrCollector,
  elbv2Collector,
];

const guardduty = mockClient(GuardDutyClient);
const hub = mockClient(SecurityHubClient);
const config = mockClient(ConfigServiceClient);
const analyzers = mockClient(AccessAnalyzerClient);
const inspector = mockClient(Inspector2Client);
const macie = mockClient(Macie2Client);
const kms = mockClient(KMSClient);
const ecr = mockClient(ECRClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const waf = mockClient(WAFV2Client);
let clients: AwsClients;

const KEYS = [
  '1234abcd-12ab-34cd-56ef-1234567890ab',
  'aws-managed-0000-0000-0000-000000000000',
  'rsa-key-0000-0000-0000-000000000000',
];

beforeEach(async () => {
  for (const mock of [guardduty, hub, config, analyzers, inspector, macie, kms, ecr, elb, waf]) mock.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
  guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [DETECTOR_ID] });
  guardduty.on(GetDetectorCommand).resolves(detector() as never);
  guardduty.on(ListMalwareProtectionPlansCommand).resolves({ MalwareProtectionPlans: [] });
  const hubRegion = securityhubRegion();
  hub.on(DescribeHubCommand).resolves(hubRegion.DescribeHub as never);
  hub.on(GetEnabledStandardsCommand).resolves(hubRegion.GetEnabledStandards as never);
  const configAnswers = configRegion();
  config.on(DescribeConfigurationRecordersCommand).resolves(configAnswers.DescribeConfigurationRecorders as never);
  config
    .on(DescribeConfigurationRecorderStatusCommand)
    .resolves(configAnswers.DescribeConfigurationRecorderStatus as never);
  analyzers.on(ListAnalyzersCommand).resolves({ analyzers: [analyzer() as never] });
  inspector.on(BatchGetAccountStatusCommand).resolves(inspectorStatus().BatchGetAccountStatus as never);
  macie.on(GetMacieSessionCommand).resolves(macieSession().GetMacieSession as never);
  kms
    .on(ListKeysCommand, { Marker: undefined })
    .resolves({ Keys: [{ KeyId: KEYS[0] }, { KeyId: KEYS[1] }], Truncated: true, NextMarker: 'next' });
  kms.on(ListKeysCommand, { Marker: 'next' }).resolves({ Keys: [{ KeyId: KEYS[2] }], Truncated: false });
  kms.on(DescribeKeyCommand, { KeyId: KEYS[0] }).resolves(keyMetadata() as never);
  kms
    .on(DescribeKeyCommand, { KeyId: KEYS[1] })
    .resolves(keyMetadata({ KeyId: KEYS[1], KeyManager: 'AWS', Description: 'Default key for S3' }) as never);
  kms
    .on(DescribeKeyCommand, { KeyId: KEYS[2] })
    .resolves(keyMetadata({ KeyId: KEYS[2], KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }) as never);
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false, KeyId: KEYS[0] });
  ecr
    .on(DescribeRepositoriesCommand, { nextToken: undefined })
    .resolves({ repositories: [repository('web', true) as never], nextToken: 'page-2' });
  ecr
    .on(DescribeRepositoriesCommand, { nextToken: 'page-2' })
    .resolves({ repositories: [repository('batch') as never] });
  ecr.on(GetRegistryScanningConfigurationCommand).resolves(registryScanning() as never);
  elb.on(DescribeLoadBalancersCommand, { Marker: undefined }).resolves({
    LoadBalancers: [loadBalancer('web') as never, loadBalancer('api', 'internal') as never],
    NextMarker: 'm2',
  });
  elb.on(DescribeLoadBalancersCommand, { Marker: 'm2' }).resolves({ LoadBalancers: [loadBalancer('shop') as never] });
  waf.on(GetWebACLForResourceCommand, { ResourceArn: loadBalancer('web').LoadBalancerArn }).resolves(webAcl());
  waf.on(GetWebACLForResourceCommand, { ResourceArn: loadBalancer('shop').LoadBalancerArn }).resolves({});
});
afterEach(() => clients.destroy());

async function collect() {
  const run = new RunState(pLimit(8));
  const sections = await collectRegional(clients, ACCOUNT, COLLECTORS, REGIONS, run);
  const snapshot = validateSnapshot({
    cloudwarden: 'snapshot/v1',
    ...ACCOUNT,
    collectedAt: '2026-11-22T00:00:00Z',
    regions: REGIONS,
    ...sections,
  });
  return { snapshot, run, results: runChecks(checks, normalise(snapshot)) };
}

const verdicts = (results: { checkId: string; status: string; resource: { arn: string } }[], checkId: string) =>
  results.filter((r) => r.checkId === checkId).map((r) => `${r.resource.arn.split(':').pop()} ${r.status}`);

describe('detection service and KMS collectors', () => {
  it('collects every region and the checks decide on it', async () => {
    const { snapshot, results } = await collect();
    expect(Object.keys(snapshot.guardduty ?? {}).sort()).toEqual(REGIONS.sort());
    for (const id of [
      'guardduty-enabled',
      'securityhub-enabled',
      'config-recorder-all-resources',
      'accessanalyzer-enabled',
      'inspector2-scanning-enabled',
      'macie2-enabled',
    ]) {
      expect(verdicts(results, id)).toEqual(['region/ap-northeast-1 pass', 'region/us-east-1 pass']);
    }
  });

  it('keeps "not enabled" answers as evidence: Security Hub InvalidAccessException, Macie AccessDeniedException', async () => {
    hub.on(DescribeHubCommand).rejects(
      new SecurityHubServiceException({
        name: 'InvalidAccessException',
        message: 'Account 123456789012 is not subscribed to AWS Security Hub',
        $fault: 'client',
        $metadata: { httpStatusCode: 401 },
      }),
    );
    hub.on(GetEnabledStandardsCommand).rejects(
      new SecurityHubServiceException({
        name: 'InvalidAccessException',
        message: 'Account 123456789012 is not subscribed to AWS Security Hub',
        $fault: 'client',
        $metadata: { httpStatusCode: 401 },
      }),
    );
    macie.on(GetMacieSessionCommand).rejects(
      new Macie2ServiceException({
        name: 'AccessDeniedException',
        message: 'Macie is not enabled.',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const { snapshot, results } = await collect();
    expect(snapshot.macie2?.['us-east-1']?.GetMacieSession).toEqual({
      error: { name: 'AccessDeniedException', message: 'Macie is not enabled.' },
    });
    expect(verdicts(results, 'securityhub-enabled')).toEqual(['region/ap-northeast-1 fail', 'region/us-east-1 fail']);
    expect(verdicts(results, 'macie2-enabled')).toEqual(['region/ap-northeast-1 fail', 'region/us-east-1 fail']);
  });

  it('pages ListKeys by NextMarker, skips AWS managed keys, asks rotation only of enabled symmetric customer keys', async () => {
    const { snapshot, results } = await collect();
    expect(snapshot.kms?.['us-east-1']?.ListKeys).toEqual({ Keys: KEYS.map((KeyId) => ({ KeyId })) });
    expect(
      kms
        .commandCalls(ListKeysCommand)
        .map((c) => c.args[0].input.Marker)
        .sort(),
    ).toEqual(['next', 'next', undefined, undefined]);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual([KEYS[0], KEYS[0]]);
    expect(verdicts(results, 'kms-key-rotation-enabled')).toEqual([
      `key/${KEYS[0]} fail`,
      `key/${KEYS[2]} pass`,
      `key/${KEYS[0]} fail`,
      `key/${KEYS[2]} pass`,
    ]);
  });

  it('pages DescribeRepositories by nextToken; a repository without scan on push fails', async () => {
    const { snapshot, results } = await collect();
    expect(snapshot.ecr?.['us-east-1']?.DescribeRepositories).toEqual({
      repositories: [repository('web', true), repository('batch')],
    });
    expect(verdicts(results, 'ecr-repository-scanning-enabled')).toEqual([
      'repository/batch fail',
      'repository/batch fail',
      'repository/web pass',
      'repository/web pass',
    ]);
  });

  it('pages DescribeLoadBalancers by NextMarker and asks WAF only about internet-facing ALBs', async () => {
    const { results } = await collect();
    expect(
      waf
        .commandCalls(GetWebACLForResourceCommand)
        .map((c) => c.args[0].input.ResourceArn?.split('/')[2])
        .sort(),
    ).toEqual(['shop', 'shop', 'web', 'web']);
    expect(
      results
        .filter((r) => r.checkId === 'elbv2-alb-waf-enabled')
        .map((r) => `${r.resource.arn.split('/')[2]} ${r.status}`)
        .sort(),
    ).toEqual(['api pass', 'api pass', 'shop fail', 'shop fail', 'web pass', 'web pass']);
  });

  it('a denied listing in one region is recorded there and never stops the other region', async () => {
    guardduty.on(ListDetectorsCommand).callsFake((_input, getClient) =>
      getClient()
        .config.region()
        .then((region: string) => {
          if (region === 'us-east-1')
            throw Object.assign(new Error('User is not authorized to perform: guardduty:ListDetectors'), {
              name: 'AccessDeniedException',
              $metadata: { httpStatusCode: 403 },
            });
          return { DetectorIds: [DETECTOR_ID] };
        }),
    );
    const { results, run } = await collect();
    expect(verdicts(results, 'guardduty-enabled')).toEqual(['region/ap-northeast-1 pass', 'region/us-east-1 unknown']);
    expect(run.stats.errors).toBeGreaterThanOrEqual(1);
  });
});
