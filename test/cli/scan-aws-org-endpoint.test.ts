import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerIdentity, startFakeAwsServer, xml, type FakeRequest, type FakeResponse } from '../aws/fake-aws-http.ts';
import { runCli } from '../support/run-cli.ts';
import { exampleCredentialsEnv } from '../support/fake-aws-session.ts';

/**
 * `scan aws --accounts FILE --endpoint-url URL`: the calls made in each member account (with the role's session)
 * go to the URL too, not only the caller's STS calls. The CLI in a child process, the real SDK over loopback HTTP.
 */

const CALLER = '111111111111';
const MEMBER = '222222222222';
const MEMBER_KEY = `ASIA${MEMBER}EXAMPLE`;
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function assumeRole(): FakeResponse {
  return xml(
    200,
    `<AssumeRoleResponse xmlns="${STS_NS}"><AssumeRoleResult><AssumedRoleUser><Arn>arn:aws:sts::${MEMBER}:assumed-role/OrganizationAccountAccessRole/cloudwarden-scan-20261123000000</Arn><AssumedRoleId>AROA3XFRBF535PLBIFPI4:cloudwarden-scan-20261123000000</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>${MEMBER_KEY}</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  );
}

/** An account without distributions, as CloudFront answers ListDistributions for it. */
const noDistributions = xml(
  200,
  '<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>',
);

function route(request: FakeRequest): FakeResponse {
  if (request.method === 'POST' && request.body.includes('Action=GetCallerIdentity')) return callerIdentity(CALLER);
  if (request.method === 'POST' && request.body.includes('Action=AssumeRole')) return assumeRole();
  if (request.method === 'GET' && request.path === '/2020-05-31/distribution') return noDistributions;
  return xml(400, `<Error><Code>UnexpectedCall</Code><Message>${request.method} ${request.path}</Message></Error>`);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-org-endpoint-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('scan aws --accounts --endpoint-url (real HTTP, real SDK)', () => {
  it("sends the member account's calls, signed with the role's session, to the endpoint", async () => {
    const server = await startFakeAwsServer(route);
    const accounts = path.join(dir, 'accounts.txt');
    await writeFile(accounts, `${MEMBER}\n`);
    try {
      const run = await runCli(
        [
          'scan',
          'aws',
          '--accounts',
          accounts,
          '--service',
          'cloudfront',
          '--region',
          'us-east-1',
          '--endpoint-url',
          server.url,
          '--format',
          'json',
          '--quiet',
        ],
        exampleCredentialsEnv(dir),
      );
      const listings = server.seen.filter((r) => r.path === '/2020-05-31/distribution');
      expect(listings, run.stderr).toHaveLength(1);
      expect(listings[0]?.headers.authorization).toContain(`Credential=${MEMBER_KEY}/`);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { results: { status: string }[] };
      // no distribution and no failed listing: nothing to report, and nothing unknown
      expect(report.results).toEqual([]);
    } finally {
      await server.close();
    }
  }, 180_000);
});
