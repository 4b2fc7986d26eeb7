import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { callerIdentity, startFakeAwsServer, xml, type FakeRequest, type FakeResponse } from '../aws/fake-aws-http.ts';
import { runCli } from '../support/run-cli.ts';
import { exampleCredentialsEnv } from '../support/fake-aws-session.ts';

/**
 * `scan aws --service cloudfront` end to end: the CLI in a child process, the real SDK over HTTP to a loopback
 * server that answers STS, EC2 DescribeRegions and CloudFront ListDistributions with the XML of the API references
 * (REST-XML, `DistributionList` paged by `Marker`/`NextMarker`).
 */

const ACCOUNT = '210987654321';
const CF_NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';
const WEB_ACL = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/edge-protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;

function describeRegions(): FakeResponse {
  const item = (name: string) =>
    `<item><regionName>${name}</regionName><regionEndpoint>ec2.${name}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`;
  return xml(
    200,
    `<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><regionInfo>${item('ap-northeast-1')}${item('us-east-1')}</regionInfo></DescribeRegionsResponse>`,
  );
}

function summary(
  id: string,
  options: { webAcl: string; defaultPolicy: string; legacyPolicy?: string; alias?: string },
): string {
  const origin = `<Origin><Id>site</Id><DomainName>site-assets.s3.us-east-1.amazonaws.com</DomainName><OriginPath></OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig><ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout></Origin>`;
  const behaviors = options.legacyPolicy
    ? `<CacheBehaviors><Quantity>1</Quantity><Items><CacheBehavior><PathPattern>/legacy/*</PathPattern><TargetOriginId>site</TargetOriginId><ViewerProtocolPolicy>${options.legacyPolicy}</ViewerProtocolPolicy></CacheBehavior></Items></CacheBehaviors>`
    : '<CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>';
  const aliases = options.alias
    ? `<Aliases><Quantity>1</Quantity><Items><CNAME>${options.alias}</CNAME></Items></Aliases>`
    : '<Aliases><Quantity>0</Quantity></Aliases>';
  const certificate = options.alias
    ? '<ViewerCertificate><CloudFrontDefaultCertificate>false</CloudFrontDefaultCertificate><ACMCertificateArn>arn:aws:acm:us-east-1:210987654321:certificate/12345678-1234-1234-1234-123456789012</ACMCertificateArn><SSLSupportMethod>sni-only</SSLSupportMethod><MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion><CertificateSource>acm</CertificateSource></ViewerCertificate>'
    : '<ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate><SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion><CertificateSource>cloudfront</CertificateSource></ViewerCertificate>';
  return `<DistributionSummary><Id>${id}</Id><ARN>arn:aws:cloudfront::${ACCOUNT}:distribution/${id}</ARN><Status>Deployed</Status><LastModifiedTime>2025-08-05T18:23:40.375Z</LastModifiedTime><DomainName>d${id.toLowerCase()}.cloudfront.net</DomainName>${aliases}<Origins><Quantity>1</Quantity><Items>${origin}</Items></Origins><DefaultCacheBehavior><TargetOriginId>site</TargetOriginId><ViewerProtocolPolicy>${options.defaultPolicy}</ViewerProtocolPolicy></DefaultCacheBehavior>${behaviors}<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment></Comment><PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>${certificate}<Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions><WebACLId>${options.webAcl}</WebACLId><HttpVersion>HTTP2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false</Staging></DistributionSummary>`;
}

/** Two pages of one distribution each, as CloudFront pages them. */
function listDistributions(request: FakeRequest): FakeResponse {
  const first = request.query.Marker === undefined || request.query.Marker === '';
  const items = first
    ? summary('E2SHOPEXAMPLE1', { webAcl: WEB_ACL, defaultPolicy: 'redirect-to-https', alias: 'shop.example.com' })
    : summary('E1IMGEXAMPLE22', { webAcl: '', defaultPolicy: 'https-only', legacyPolicy: 'allow-all' });
  const paging = first
    ? '<Marker></Marker><NextMarker>E2SHOPEXAMPLE1</NextMarker><MaxItems>100</MaxItems><IsTruncated>true</IsTruncated>'
    : '<Marker>E2SHOPEXAMPLE1</Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated>';
  return xml(
    200,
    `<DistributionList xmlns="${CF_NS}">${paging}<Quantity>1</Quantity><Items>${items}</Items></DistributionList>`,
  );
}

function cloudfrontAccessDenied(): FakeResponse {
  return xml(
    403,
    `<ErrorResponse xmlns="${CF_NS}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: cloudfront:ListDistributions</Message></Error><RequestId>c1a6f1bd-7c2e-4d3f-9f0a-EXAMPLE</RequestId></ErrorResponse>`,
  );
}

function account(cloudfront: (request: FakeRequest) => FakeResponse) {
  return (request: FakeRequest): FakeResponse => {
    if (request.method === 'POST' && request.body.includes('Action=GetCallerIdentity')) return callerIdentity(ACCOUNT);
    if (request.method === 'POST' && request.body.includes('Action=DescribeRegions')) return describeRegions();
    if (request.method === 'GET' && request.path === '/2020-05-31/distribution') return cloudfront(request);
    return xml(400, `<Error><Code>UnexpectedCall</Code><Message>${request.method} ${request.path}</Message></Error>`);
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-cloudfront-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

type JsonReport = {
  results: {
    checkId: string;
    status: string;
    message: string;
    reason?: string;
    resource: { arn: string; type: string; region: string };
  }[];
};

async function scan(server: { url: string }, out: string) {
  const run = await runCli(
    ['scan', 'aws', '--service', 'cloudfront', '--endpoint-url', server.url, '--format', 'json', '--snapshot-out', out],
    {
      env: exampleCredentialsEnv(dir, 'ap-northeast-1'),
    },
  );
  return { run, report: run.stdout ? (JSON.parse(run.stdout) as JsonReport) : undefined };
}

describe('scan aws --service cloudfront --endpoint-url (real HTTP, real SDK)', () => {
  it('lists every page of distributions once, stores them as one list, and reports WAF, HTTPS and TLS per distribution', async () => {
    const server = await startFakeAwsServer(account(listDistributions));
    const out = path.join(dir, 'cloudfront.json');
    try {
      const { run, report } = await scan(server, out);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // global: one listing (two pages), not one per region
      const listings = server.seen.filter((r) => r.path === '/2020-05-31/distribution');
      expect(listings.map((r) => r.query.Marker ?? '')).toEqual(['', 'E2SHOPEXAMPLE1']);

      const snapshot = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
      const list = (
        snapshot.cloudfront?.ListDistributions as {
          DistributionList: { Quantity: number; Items: { Id: string; WebACLId: string }[] };
        }
      ).DistributionList;
      expect(list.Quantity).toBe(2);
      expect(list.Items.map((d) => [d.Id, d.WebACLId])).toEqual([
        ['E2SHOPEXAMPLE1', WEB_ACL],
        ['E1IMGEXAMPLE22', ''],
      ]);
      expect(list).not.toHaveProperty('NextMarker');

      const verdict = (checkId: string, id: string) =>
        report!.results.find(
          (r) => r.checkId === checkId && r.resource.arn === `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`,
        );
      expect(verdict('cloudfront-distribution-waf-enabled', 'E2SHOPEXAMPLE1')).toMatchObject({
        status: 'pass',
        resource: { type: 'AwsCloudFrontDistribution', region: 'global' },
      });
      expect(verdict('cloudfront-distribution-waf-enabled', 'E1IMGEXAMPLE22')).toMatchObject({
        status: 'fail',
        message: expect.stringContaining('has no WAF web ACL'),
      });
      expect(verdict('cloudfront-distribution-https-required', 'E1IMGEXAMPLE22')).toMatchObject({
        status: 'fail',
        message: expect.stringContaining('/legacy/*'),
      });
      expect(verdict('cloudfront-distribution-tls-policy', 'E2SHOPEXAMPLE1')).toMatchObject({
        status: 'pass',
        message: expect.stringContaining('TLSv1.2_2021'),
      });
      expect(report!.results.every((r) => r.checkId.startsWith('cloudfront-'))).toBe(true);
      expect(report!.results).toHaveLength(6);
    } finally {
      await server.close();
    }
  });

  it('a denied ListDistributions makes every CloudFront check unknown for distribution/*, never a pass', async () => {
    const server = await startFakeAwsServer(account(cloudfrontAccessDenied));
    const out = path.join(dir, 'denied.json');
    try {
      const { run, report } = await scan(server, out);
      expect(run.code, run.stderr).toBe(0);
      const snapshot = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
      expect(snapshot.cloudfront?.ListDistributions).toEqual({
        error: {
          name: 'AccessDenied',
          message: `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: cloudfront:ListDistributions`,
        },
      });
      expect(report!.results.map((r) => `${r.checkId} ${r.status} ${r.resource.arn}`).sort()).toEqual([
        `cloudfront-distribution-https-required unknown arn:aws:cloudfront::${ACCOUNT}:distribution/*`,
        `cloudfront-distribution-tls-policy unknown arn:aws:cloudfront::${ACCOUNT}:distribution/*`,
        `cloudfront-distribution-waf-enabled unknown arn:aws:cloudfront::${ACCOUNT}:distribution/*`,
      ]);
      expect(report!.results[0]!.reason).toContain('AccessDenied on cloudfront:ListDistributions');
    } finally {
      await server.close();
    }
  });
});
