import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AwsClients } from '../../src/aws/clients.ts';
import { collectOrganization } from '../../src/collect/organization-scan.ts';
import type { RegionalServiceCollector } from '../../src/collect/regional-collector.ts';
import { requestHandlerFor, xml, type FakeRequest } from '../aws/fake-aws-http.ts';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function assumeRole(accountId: string) {
  return xml(
    200,
    `<AssumeRoleResponse xmlns="${STS_NS}"><AssumeRoleResult><AssumedRoleUser><Arn>arn:aws:sts::${accountId}:assumed-role/OrganizationAccountAccessRole/cloudwarden-scan-20261123000000</Arn><AssumedRoleId>AROA3XFRBF535PLBIFPI4:cloudwarden-scan-20261123000000</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>ASIA${accountId}</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`,
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
const ebsCollector: RegionalServiceCollector = {
  service: 'ec2',
  collectRegion: async (context) => ({
    GetEbsEncryptionByDefault: await context.call('GetEbsEncryptionByDefault', z.unknown(), (signal) =>
      context.clients.client(EC2Client, context.region).send(new GetEbsEncryptionByDefaultCommand({}), { abortSignal: signal }),
    ),
  }),
};

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
    const credentials = async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    const base = await AwsClients.create({ homeRegion: 'us-east-1', credentials, requestHandler: handler });
    const limit = pLimit(4);
    try {
      const scan = await collectOrganization(base, {
        accountIds: ['111111111111', '333333333333'],
        assume: { roleName: 'OrganizationAccountAccessRole', partition: 'aws', sessionName: 'cloudwarden-scan-20261123000000' },
        clientOptions: { requestHandler: handler },
        s3: false,
        services: [ebsCollector],
        regions: ['ap-northeast-1'],
        limit: <T>(fn: () => Promise<T>) => limit(fn),
        concurrency: 4,
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
});
