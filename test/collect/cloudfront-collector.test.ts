import { CloudFrontClient, CloudFrontServiceException, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import cloudfrontCollector from '../../src/services/cloudfront/index.ts';
import { collectRegional } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { CHECKS as checks } from '../../src/checks/catalogue.ts';
import { runChecks } from '../../src/checks/engine.ts';
import { normalise } from '../../src/model/normalise.ts';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { distribution, distributionArn } from '../support/cloudfront-builders.ts';

const ACCOUNT = { accountId: '123456789012', partition: 'aws' };
const REGIONS = ['ap-northeast-1', 'eu-west-1'];
const cloudfront = mockClient(CloudFrontClient);
let clients: AwsClients;

/** An SDK page: the summaries as the SDK returns them (dates as Date objects). */
function page(items: ReturnType<typeof distribution>[], more?: { Marker: string; NextMarker?: string }) {
  return {
    DistributionList: {
      Marker: more?.Marker ?? '',
      ...(more?.NextMarker ? { NextMarker: more.NextMarker } : {}),
      MaxItems: 100,
      IsTruncated: more?.NextMarker !== undefined,
      Quantity: items.length,
      ...(items.length > 0
        ? { Items: items.map((d) => ({ ...d, LastModifiedTime: new Date(d.LastModifiedTime) })) }
        : {}),
    },
    $metadata: { httpStatusCode: 200, attempts: 1 },
  };
}

beforeEach(async () => {
  cloudfront.reset();
  clients = await AwsClients.create({
    homeRegion: 'ap-northeast-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

async function collect() {
  const run = new RunState(pLimit(8));
  const sections = await collectRegional(clients, ACCOUNT, [cloudfrontCollector], REGIONS, run);
  const snapshot = validateSnapshot({
    cloudwarden: 'snapshot/v1',
    ...ACCOUNT,
    collectedAt: '2026-11-22T00:00:00Z',
    regions: REGIONS,
    ...sections,
  });
  return {
    snapshot,
    run,
    results: runChecks(checks, normalise(snapshot)).filter((r) => r.checkId.startsWith('cloudfront-')),
  };
}

describe('cloudfront collector', () => {
  it('is global: one listing, pages followed by NextMarker, stored as one DistributionList', async () => {
    const first = distribution('E1FIRSTPAGE111', { WebACLId: '' });
    const second = distribution('E2SECONDPAGE22');
    cloudfront
      .on(ListDistributionsCommand, { Marker: undefined })
      .resolves(page([first], { Marker: '', NextMarker: 'E1FIRSTPAGE111' }) as never);
    cloudfront
      .on(ListDistributionsCommand, { Marker: 'E1FIRSTPAGE111' })
      .resolves(page([second], { Marker: 'E1FIRSTPAGE111' }) as never);
    const { snapshot, run, results } = await collect();
    expect(cloudfront.commandCalls(ListDistributionsCommand).map((c) => c.args[0].input.Marker)).toEqual([
      undefined,
      'E1FIRSTPAGE111',
    ]);
    expect(run.stats).toMatchObject({ calls: 2, errors: 0 });
    // no region level, no pagination fields, the total as Quantity, dates as ISO text
    expect(snapshot.cloudfront).toEqual({
      ListDistributions: { DistributionList: { MaxItems: 100, Quantity: 2, Items: [first, second] } },
    });
    expect(
      results
        .filter((r) => r.checkId === 'cloudfront-distribution-waf-enabled')
        .map((r) => `${r.resource.arn} ${r.status} ${r.resource.type} ${r.resource.region}`),
    ).toEqual([
      `${distributionArn('E1FIRSTPAGE111')} fail AwsCloudFrontDistribution global`,
      `${distributionArn('E2SECONDPAGE22')} pass AwsCloudFrontDistribution global`,
    ]);
  });

  it('records AccessDenied as the listing error: every CloudFront check says unknown for distribution/*', async () => {
    cloudfront.on(ListDistributionsCommand).rejects(
      new CloudFrontServiceException({
        name: 'AccessDenied',
        message:
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: cloudfront:ListDistributions',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const { snapshot, run, results } = await collect();
    expect(snapshot.cloudfront?.ListDistributions).toEqual({
      error: {
        name: 'AccessDenied',
        message:
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: cloudfront:ListDistributions',
      },
    });
    expect(run.stats.errors).toBe(1);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result).toMatchObject({
        status: 'unknown',
        resource: { arn: 'arn:aws:cloudfront::123456789012:distribution/*' },
      });
      expect(result.reason).toContain('AccessDenied on cloudfront:ListDistributions');
    }
  });

  it('an account without distributions: an empty list (CloudFront omits Items), no results', async () => {
    cloudfront.on(ListDistributionsCommand).resolves(page([]) as never);
    const { snapshot, results } = await collect();
    expect(snapshot.cloudfront).toEqual({
      ListDistributions: { DistributionList: { MaxItems: 100, Quantity: 0, Items: [] } },
    });
    expect(results).toEqual([]);
  });
});
