import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AwsClients } from '../../src/aws/clients.ts';
import { collectOrganization } from '../../src/collect/organization-scan.ts';
import { collectRegional, PAIRS_IN_FLIGHT } from '../../src/collect/regional-collector.ts';
import { RunState } from '../../src/collect/run-state.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { defineService } from '../../src/services/define-service.ts';
import { requestHandlerFor, xml, type FakeRequest } from '../aws/fake-aws-http.ts';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function assumeRole(accountId: string, options: { key?: string; expiration?: Date } = {}) {
  const key = options.key ?? `ASIA${accountId}`;
  const expiration = (options.expiration ?? new Date('2030-01-01T00:00:00Z')).toISOString();
  return xml(
    200,
    `<AssumeRoleResponse xmlns="${STS_NS}"><AssumeRoleResult><AssumedRoleUser><Arn>arn:aws:sts::${accountId}:assumed-role/OrganizationAccountAccessRole/cloudwarden-scan-20261123000000</Arn><AssumedRoleId>AROA3XFRBF535PLBIFPI4:cloudwarden-scan-20261123000000</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken><Expiration>${expiration}</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  );
}

const ebsDefault = xml(
  200,
  `<GetEbsEncryptionByDefaultResponse xmlns="${EC2_NS}"><requestId>5dbd3b8b-9b8c-4e4c-a0b6-5fcb4bd2b2c0</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType></GetEbsEncryptionByDefaultResponse>`,
);
const requestLimitExceeded = xml(
  503,
  '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>0bd1f6a3-0a4e-4a5c-9b0e-3c6b0d1e2f40</RequestID></Response>',
);

/** One EC2 call per region, through the real SDK stack. */
const ebsCollector = defineService({
  name: 'ec2',
  title: 'Amazon EC2',
  scope: 'regional',
  client: EC2Client,
  operations: {
    GetEbsEncryptionByDefault: {
      command: GetEbsEncryptionByDefaultCommand,
      response: z.unknown(),
      iam: ['ec2:GetEbsEncryptionByDefault'],
    },
  },
});

const credentials = async () => ({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});
const expiredToken = xml(
  403,
  '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>4d0a4b5c-6e7f-4a8b-9c0d-1e2f3a4b5c6d</RequestId></ErrorResponse>',
);

/**
 * One account whose first role session expires in 2 minutes, so the SDK needs it renewed at once: the second
 * AssumeRole answers `renewal`. Every EC2 call answers.
 */
async function scanWithSessions(renewal: ReturnType<typeof xml>) {
  const seen: FakeRequest[] = [];
  let assumed = 0;
  const handler = requestHandlerFor((request) => {
    if (!request.body.includes('Action=AssumeRole')) return ebsDefault;
    assumed += 1;
    return assumed === 1
      ? assumeRole('111111111111', { key: 'ASIAOLDSESSION', expiration: new Date(Date.now() + 120_000) })
      : renewal;
  }, seen);
  const base = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials,
    requestHandler: handler,
    maxAttempts: 1,
  });
  const limit = pLimit(4);
  try {
    const scan = await collectOrganization(base, {
      accountIds: ['111111111111'],
      assume: {
        roleName: 'OrganizationAccountAccessRole',
        partition: 'aws',
        sessionName: 'cloudwarden-scan-20261123000000',
      },
      clientOptions: { requestHandler: handler, maxAttempts: 1 },
      services: [ebsCollector],
      regions: ['ap-northeast-1'],
      limit: <T>(fn: () => Promise<T>) => limit(fn),
    });
    return { scan, seen };
  } finally {
    base.destroy();
  }
}

describe('collectOrganization: role sessions', () => {
  it('a session about to expire is renewed (AssumeRole again) and the calls go on with the new one', async () => {
    const { scan, seen } = await scanWithSessions(assumeRole('111111111111', { key: 'ASIANEWSESSION' }));
    expect(scan.fatal).toBeUndefined();
    expect(scan.failures).toEqual([]);
    expect(scan.snapshots[0]?.partial).toBeUndefined();
    expect(seen.filter((r) => r.body.includes('Action=AssumeRole'))).toHaveLength(2);
    const ec2Request = seen.find((r) => r.body.includes('Action=GetEbsEncryptionByDefault'));
    expect(ec2Request?.headers.authorization).toContain('Credential=ASIANEWSESSION/');
  });

  it("renewal refused because the caller's credentials expired stops the whole scan with that error, keeping what was collected", async () => {
    const { scan, seen } = await scanWithSessions(expiredToken);
    expect(scan.fatal?.awsErrorName).toBe('ExpiredToken');
    expect(scan.fatal?.message).toContain('the AWS session token has expired');
    // a consequence of the caller's credentials, not a failure of the account
    expect(scan.failures).toEqual([]);
    expect(scan.snapshots.map((s) => [s.accountId, s.partial])).toEqual([['111111111111', true]]);
    expect(seen.some((r) => r.body.includes('Action=GetEbsEncryptionByDefault'))).toBe(false);
  });
});

describe('collectOrganization', () => {
  it('counts the attempts AWS throttled in every account (the SDK retried them to success)', async () => {
    const seen: FakeRequest[] = [];
    let ec2Calls = 0;
    const handler = requestHandlerFor((request) => {
      const assumed = /RoleArn=arn%3Aaws%3Aiam%3A%3A(\d{12})%3A/.exec(request.body);
      if (assumed?.[1]) return assumeRole(assumed[1]);
      // the first EC2 attempt of the organization is throttled
      ec2Calls += 1;
      return ec2Calls === 1 ? requestLimitExceeded : ebsDefault;
    }, seen);
    const base = await AwsClients.create({ homeRegion: 'us-east-1', credentials, requestHandler: handler });
    const limit = pLimit(4);
    try {
      const scan = await collectOrganization(base, {
        accountIds: ['111111111111', '333333333333'],
        assume: {
          roleName: 'OrganizationAccountAccessRole',
          partition: 'aws',
          sessionName: 'cloudwarden-scan-20261123000000',
        },
        clientOptions: { requestHandler: handler },
        services: [ebsCollector],
        regions: ['ap-northeast-1'],
        limit: <T>(fn: () => Promise<T>) => limit(fn),
      });
      expect(scan.failures).toEqual([]);
      expect(scan.snapshots.map((s) => [s.accountId, s.partial])).toEqual([
        ['111111111111', undefined],
        ['333333333333', undefined],
      ]);
      expect(scan.stats).toMatchObject({ calls: 4, errors: 0, retried: 1, throttled: 1 });
      expect(seen).toHaveLength(5);
    } finally {
      base.destroy();
    }
  });

  it('collects a few accounts at a time (each holds its partial snapshot and clients), all of them in the end', async () => {
    const handler = requestHandlerFor((request) => {
      const assumed = /RoleArn=arn%3Aaws%3Aiam%3A%3A(\d{12})%3A/.exec(request.body);
      return assumed?.[1] ? assumeRole(assumed[1]) : ebsDefault;
    });
    const base = await AwsClients.create({ homeRegion: 'us-east-1', credentials, requestHandler: handler });
    const limit = pLimit(16);
    const accountIds = Array.from({ length: 7 }, (_, n) => String(111111111111 * (n + 1)).slice(0, 12));
    let open = 0;
    let mostOpen = 0;
    try {
      const scan = await collectOrganization(base, {
        accountIds,
        assume: {
          roleName: 'OrganizationAccountAccessRole',
          partition: 'aws',
          sessionName: 'cloudwarden-scan-20261123000000',
        },
        clientOptions: { requestHandler: handler },
        services: [ebsCollector],
        regions: ['ap-northeast-1', 'eu-west-1', 'us-east-1'],
        limit: <T>(fn: () => Promise<T>) => limit(fn),
        accountsInFlight: 2,
        onAccountStart: () => {
          open += 1;
          mostOpen = Math.max(mostOpen, open);
        },
        onAccountDone: () => {
          open -= 1;
        },
      });
      expect(scan.failures).toEqual([]);
      expect(scan.snapshots.map((s) => s.accountId)).toEqual([...accountIds].sort());
      expect(mostOpen).toBe(2);
    } finally {
      base.destroy();
    }
  });

  it('hands each snapshot to onSnapshot as it is collected and keeps none itself', async () => {
    const handler = requestHandlerFor((request) => {
      const assumed = /RoleArn=arn%3Aaws%3Aiam%3A%3A(\d{12})%3A/.exec(request.body);
      return assumed?.[1] ? assumeRole(assumed[1]) : ebsDefault;
    });
    const base = await AwsClients.create({ homeRegion: 'us-east-1', credentials, requestHandler: handler });
    const limit = pLimit(8);
    const accountIds = ['333333333333', '111111111111', '222222222222'];
    const handed: Snapshot[] = [];
    try {
      const scan = await collectOrganization(base, {
        accountIds,
        assume: { roleName: 'OrganizationAccountAccessRole', partition: 'aws', sessionName: 's' },
        clientOptions: { requestHandler: handler },
        services: [ebsCollector],
        regions: ['eu-west-1'],
        limit: <T>(fn: () => Promise<T>) => limit(fn),
        onSnapshot: (snapshot) => {
          handed.push(snapshot);
        },
      });
      expect(scan.snapshots).toEqual([]);
      expect(scan.collected).toBe(3);
      expect(handed.map((s) => s.accountId).sort()).toEqual([...accountIds].sort());
      expect(handed.every((s) => (s as Record<string, unknown>).ec2 !== undefined)).toBe(true);
    } finally {
      base.destroy();
    }
  });
});

describe('collectRegional: clients of a region are let go once its last service is done', () => {
  it('releases every region once, after its pairs, and never asks a released region for a client again', async () => {
    const handler = requestHandlerFor(() => ebsDefault);
    const real = await AwsClients.create({ homeRegion: 'us-east-1', credentials, requestHandler: handler });
    const regions = Array.from({ length: 20 }, (_, n) => `region-${String(n).padStart(2, '0')}`).concat('us-east-1');
    const released: string[] = [];
    const askedAfterRelease: string[] = [];
    const source = {
      homeRegion: real.homeRegion,
      sts: () => real.sts(),
      s3Control: () => real.s3Control(),
      s3: (region: string) => real.s3(region),
      client: ((ctor, region) => {
        if (released.includes(region)) askedAfterRelease.push(region);
        return real.client(ctor, region);
      }) as AwsClients['client'],
      releaseRegion: (region: string) => {
        released.push(region);
        real.releaseRegion(region);
      },
    };
    // more services than fit in flight at once, so some regions end while others have not begun
    const services = Array.from({ length: 5 }, (_, n) => ({ ...ebsCollector, name: `ec2-copy-${n}` }));
    expect(services.length * regions.length).toBeGreaterThan(PAIRS_IN_FLIGHT);
    const limit = pLimit(4);
    try {
      const sections = await collectRegional(
        source,
        { accountId: '111111111111', partition: 'aws' },
        services,
        regions,
        new RunState(<T>(fn: () => Promise<T>) => limit(fn)),
      );
      expect(Object.keys(sections['ec2-copy-4']!).sort()).toEqual([...regions].sort());
      expect([...released].sort()).toEqual([...regions].sort());
      expect(askedAfterRelease).toEqual([]);
      // the home region first, then the rest in order: regions end one after another, not all at the end
      expect(released[0]).toBe('us-east-1');
    } finally {
      real.destroy();
    }
  });
});
