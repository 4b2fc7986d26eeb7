import { Inspector2Client, ListFindingsCommand } from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsAccessError } from '../../src/errors.ts';
import { parseFilter, toFilterCriteria } from '../../src/vulns/filters.ts';
import { listFindingsPages } from '../../src/vulns/inspector-source.ts';
import { sdkFindings } from './inspector-fixtures.ts';

const inspector = mockClient(Inspector2Client);
afterEach(() => inspector.reset());

async function collect(pages: AsyncIterable<{ findingArn: string }[]>): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of pages) arns.push(...page.map((f) => f.findingArn));
  return arns;
}

describe('ListFindings source', () => {
  it('follows nextToken through every page of every region, with the filter as filterCriteria', async () => {
    const findings = sdkFindings();
    // The paginator reuses one input object, so what each call asked for is recorded as it is made.
    const asked: { region: string; nextToken?: string; maxResults?: number; filterCriteria?: unknown }[] = [];
    const pages: Record<string, Record<string, { findings: unknown[]; nextToken?: string }>> = {
      'us-east-1': {
        first: { findings: findings.slice(0, 3), nextToken: 'page-2' },
        'page-2': { findings: findings.slice(3, 6) },
      },
      'eu-west-1': { first: { findings: findings.slice(6, 8) } },
    };
    inspector
      .on(ListFindingsCommand)
      .callsFake(async (input: { nextToken?: string; maxResults?: number; filterCriteria?: unknown }, getClient) => {
        const region = await (getClient() as Inspector2Client).config.region();
        asked.push({
          region,
          nextToken: input.nextToken,
          maxResults: input.maxResults,
          filterCriteria: structuredClone(input.filterCriteria),
        });
        return pages[region]![input.nextToken ?? 'first'];
      });
    const filter = parseFilter({
      severity: ['critical,high'],
      fixAvailable: ['YES'],
      firstSeenAfter: '2024-01-01',
      ami: ['ami-0c101f26f147fa7fd'],
    });
    const clients = [new Inspector2Client({ region: 'us-east-1' }), new Inspector2Client({ region: 'eu-west-1' })];

    const arns = await collect(listFindingsPages(clients, toFilterCriteria(filter)));

    expect(arns).toEqual(
      [...findings.slice(0, 3), ...findings.slice(3, 6), ...findings.slice(6, 8)].map((f) => f.findingArn),
    );
    expect(asked.map((a) => [a.region, a.nextToken])).toEqual([
      ['us-east-1', undefined],
      ['us-east-1', 'page-2'],
      ['eu-west-1', undefined],
    ]);
    for (const call of asked) {
      expect(call.maxResults).toBe(100);
      expect(call.filterCriteria).toEqual({
        severity: [
          { comparison: 'EQUALS', value: 'CRITICAL' },
          { comparison: 'EQUALS', value: 'HIGH' },
        ],
        fixAvailable: [{ comparison: 'EQUALS', value: 'YES' }],
        ec2InstanceImageId: [{ comparison: 'EQUALS', value: 'ami-0c101f26f147fa7fd' }],
        firstObservedAt: [{ startInclusive: new Date('2024-01-01T00:00:00Z') }],
      });
    }
  });

  it('turns an AWS refusal into one clear error naming the operation and region', async () => {
    inspector.on(ListFindingsCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: inspector2:ListFindings'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const pages = listFindingsPages([new Inspector2Client({ region: 'us-east-1' })], {});
    const error = await collect(pages).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).awsErrorName).toBe('AccessDeniedException');
    expect((error as AwsAccessError).operation).toBe('inspector2:ListFindings in us-east-1');
  });

  it('rejects a response that is not a finding, naming the region and index', async () => {
    inspector.on(ListFindingsCommand).resolves({ findings: [{ findingArn: 'arn:x' } as never] });
    const error = await collect(listFindingsPages([new Inspector2Client({ region: 'us-east-1' })], {})).catch(
      (e: unknown) => e,
    );
    expect(String((error as Error).message)).toContain('awsAccountId');
    expect((error as { location: { field: string } }).location.field).toBe(
      'ListFindings(us-east-1).findings[0].awsAccountId',
    );
  });
});
