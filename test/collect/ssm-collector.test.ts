import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { runChecks } from '../../src/checks/engine.ts';
import ec2Collector from '../../src/services/ec2/index.ts';
import { collectRegional } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import type { ServiceDeclaration } from '../../src/services/define-service.ts';
import { SERVICES } from '../../src/services/registry.ts';
import ssmCollector from '../../src/services/ssm/index.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { instance, permission, reservations, securityGroup } from '../support/ec2-builders.ts';
import { managedNode, SSM_ACCESS_DENIED } from '../support/ssm-builders.ts';

const ACCOUNT = { accountId: '123456789012', partition: 'aws' };
const WEB = 'i-0123456789abcdef0';

const ssm = mockClient(SSMClient);
const ec2 = mockClient(EC2Client);
let clients: AwsClients;

function denied() {
  const { name, message } = SSM_ACCESS_DENIED.error;
  return new SSMServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** SDK output of one page: dates as Date objects, as the real client returns them. */
function page(...ids: string[]) {
  return ids.map((id) => ({
    ...managedNode(id),
    LastPingDateTime: new Date('2026-11-22T08:55:12.345Z'),
    RegistrationDate: new Date('2026-01-05T00:00:00Z'),
  }));
}

beforeEach(async () => {
  ssm.reset();
  ec2.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

async function collect(regions: string[], collectors: readonly ServiceDeclaration[] = [ssmCollector]) {
  const run = new RunState(pLimit(8));
  const sections = await collectRegional(clients, ACCOUNT, collectors, regions, run);
  const snapshot = validateSnapshot({
    cloudwarden: 'snapshot/v1',
    ...ACCOUNT,
    collectedAt: '2026-11-22T09:00:00Z',
    regions,
    ...sections,
  });
  return { snapshot, run };
}

describe('ssm collector', () => {
  it('is one of the services scan aws collects', () => {
    expect(SERVICES.map((s) => s.name)).toContain('ssm');
  });

  it('concatenates every page into one DescribeInstanceInformation without NextToken, dates as ISO text', async () => {
    ssm
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({ InstanceInformationList: page(WEB, 'i-0aaaaaaaaaaaaaaa1') as never, NextToken: 'AAEAAQ-page2' })
      .resolvesOnce({ InstanceInformationList: page('mi-0123456789abcdef0') as never });
    const { snapshot, run } = await collect(['ap-northeast-1']);
    const listing = snapshot.ssm?.['ap-northeast-1']?.DescribeInstanceInformation as {
      InstanceInformationList: { InstanceId: string; LastPingDateTime: string }[];
    };
    expect(listing).not.toHaveProperty('NextToken');
    expect(listing.InstanceInformationList.map((n) => n.InstanceId)).toEqual([
      WEB,
      'i-0aaaaaaaaaaaaaaa1',
      'mi-0123456789abcdef0',
    ]);
    expect(listing.InstanceInformationList[0]).toMatchObject({
      PingStatus: 'Online',
      LastPingDateTime: '2026-11-22T08:55:12.345Z',
      RegistrationDate: '2026-01-05T00:00:00.000Z',
    });
    const calls = ssm.commandCalls(DescribeInstanceInformationCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([{ MaxResults: 50 }, { NextToken: 'AAEAAQ-page2', MaxResults: 50 }]);
    expect(run.stats).toMatchObject({ calls: 2, errors: 0 });
    const nodes = normalise(snapshot).ssm.managedNodes['ap-northeast-1'];
    expect(nodes).toMatchObject({
      kind: 'present',
      value: [
        { instanceId: WEB, pingStatus: 'Online' },
        { instanceId: 'i-0aaaaaaaaaaaaaaa1' },
        { instanceId: 'mi-0123456789abcdef0' },
      ],
    });
  });

  it('a denied page records AccessDeniedException for the whole listing (pages missing would hide registrations), and no gap', async () => {
    ssm
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({ InstanceInformationList: page(WEB) as never, NextToken: 'page2' })
      .rejectsOnce(denied());
    const { snapshot, run } = await collect(['ap-northeast-1']);
    expect(snapshot.ssm?.['ap-northeast-1']?.DescribeInstanceInformation).toEqual(SSM_ACCESS_DENIED);
    expect(run.stats.errors).toBe(1);
    const state = normalise(snapshot);
    expect(state.gaps).toEqual([]);
    expect(state.ssm.managedNodes['ap-northeast-1']).toMatchObject({
      kind: 'error',
      operation: 'ssm:DescribeInstanceInformation',
      error: { name: 'AccessDeniedException' },
    });
  });

  it('with EC2: an open SSH port fails in both regions; the message says Session Manager works where SSM answered, and that it could not be read where it was denied', async () => {
    ssm.on(DescribeInstanceInformationCommand).callsFake(async (_input, getClient) => {
      if ((await getClient().config.region()) === 'us-east-1') throw denied();
      return { InstanceInformationList: page(WEB) };
    });
    ec2
      .on(DescribeInstancesCommand)
      .resolves(
        reservations(
          instance(WEB, { groups: ['sg-0ssh'], profile: 'arn:aws:iam::123456789012:instance-profile/web' }),
        ) as never,
      );
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [22, 22], '0.0.0.0/0')])] });
    const { snapshot } = await collect(['ap-northeast-1', 'us-east-1'], [ec2Collector, ssmCollector]);
    const results = runChecks(
      CHECKS.filter((c) => c.id === 'ec2-instance-admin-ports-use-session-manager'),
      normalise(snapshot),
    );
    expect(results.map((r) => [r.resource.arn, r.status, r.message])).toEqual([
      [
        `arn:aws:ec2:ap-northeast-1:123456789012:instance/${WEB}`,
        'fail',
        'reachable from the internet on 22 (SSH) from 0.0.0.0/0; Session Manager already works for it (SSM agent Online, last ping 2026-11-22T08:55:12.345Z): close the port',
      ],
      [
        `arn:aws:ec2:us-east-1:123456789012:instance/${WEB}`,
        'fail',
        expect.stringContaining(
          'whether Session Manager already works for it could not be read (AccessDeniedException on ssm:DescribeInstanceInformation',
        ),
      ],
    ]);
  });
});
