import { createServer, type Server } from 'node:net';
import { GetBucketPolicyCommand, GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { BatchImportFindingsCommand } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { awsErrorName, errorRecord, isRegionRedirect, redirectRegionOf } from '../../src/aws/aws-errors.ts';
import { AwsClients } from '../../src/aws/clients.ts';
import { UserError } from '../../src/errors.ts';
import { securityHubClient } from '../../src/export/securityhub.ts';
import {
  callerIdentity,
  requestHandlerFor,
  s3Xml,
  s3XmlError,
  stsXmlError,
  type FakeRequest,
  type FakeRoute,
} from './fake-aws-http.ts';

const credentials = async () => ({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});

function clientsWith(route: FakeRoute, seen: FakeRequest[], extra: Parameters<typeof AwsClients.create>[0] = {}) {
  return AwsClients.create({
    homeRegion: 'us-east-1',
    credentials,
    requestHandler: requestHandlerFor(route, seen),
    ...extra,
  });
}

/** Answers `failures` times with `failure`, then with `success`. */
function failThen(
  failures: number,
  failure: () => ReturnType<FakeRoute>,
  success: () => ReturnType<FakeRoute>,
): FakeRoute {
  let n = 0;
  return () => (++n <= failures ? failure() : success());
}

const versioningEnabled = () =>
  s3Xml(
    '<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>',
    'VersioningConfiguration',
  );

describe('AwsClients: retries', () => {
  it('retries S3 SlowDown (503) and returns the answer that follows', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(
      failThen(1, () => s3XmlError(503, 'SlowDown', 'Please reduce your request rate.'), versioningEnabled),
      seen,
    );
    const output = await clients.s3('us-east-1').send(new GetBucketVersioningCommand({ Bucket: 'busy-bucket' }));
    expect(output.Status).toBe('Enabled');
    expect(output.MFADelete).toBe('Disabled');
    expect(output.$metadata.attempts).toBe(2);
    expect(seen).toHaveLength(2);
    clients.destroy();
  });

  it('retries STS Throttling and returns the identity', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(
      failThen(
        1,
        () => stsXmlError(400, 'Throttling', 'Rate exceeded'),
        () => callerIdentity('123456789012'),
      ),
      seen,
    );
    const identity = await clients.sts().send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('123456789012');
    expect(seen).toHaveLength(2);
    clients.destroy();
  });

  it('gives up after maxAttempts with the AWS error name', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(() => s3XmlError(503, 'SlowDown', 'Please reduce your request rate.'), seen, {
      maxAttempts: 2,
    });
    const error = await clients
      .s3('us-east-1')
      .send(new GetBucketVersioningCommand({ Bucket: 'busy-bucket' }))
      .catch((e: unknown) => e);
    expect(awsErrorName(error)).toBe('SlowDown');
    expect(errorRecord(error)).toEqual({ name: 'SlowDown', message: 'Please reduce your request rate.' });
    expect(seen).toHaveLength(2);
    clients.destroy();
  });

  it('does not retry AccessDenied', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(() => s3XmlError(403, 'AccessDenied', 'Access Denied'), seen);
    const error = await clients
      .s3('us-east-1')
      .send(new GetBucketPolicyCommand({ Bucket: 'locked' }))
      .catch((e: unknown) => e);
    expect(errorRecord(error)).toEqual({ name: 'AccessDenied', message: 'Access Denied' });
    expect(seen).toHaveLength(1);
    clients.destroy();
  });
});

describe('AwsClients: addressing', () => {
  it('asks each region its own endpoint, one cached client per region', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(versioningEnabled, seen);
    expect(clients.s3('eu-west-1')).toBe(clients.s3('eu-west-1'));
    expect(clients.s3('eu-west-1')).not.toBe(clients.s3('ap-northeast-1'));
    await clients.s3('eu-west-1').send(new GetBucketVersioningCommand({ Bucket: 'dublin-data' }));
    await clients.s3('ap-northeast-1').send(new GetBucketVersioningCommand({ Bucket: 'tokyo-data' }));
    expect(seen.map((r) => r.host)).toEqual([
      'dublin-data.s3.eu-west-1.amazonaws.com',
      'tokyo-data.s3.ap-northeast-1.amazonaws.com',
    ]);
    expect(seen[0]!.headers.authorization).toContain('/eu-west-1/s3/aws4_request');
    clients.destroy();
  });

  it('sends S3 (path-style), S3 Control (no account-id host prefix) and STS to --endpoint-url', async () => {
    const seen: FakeRequest[] = [];
    const route: FakeRoute = (r) => {
      if (r.method === 'POST') return callerIdentity('123456789012');
      if (r.path.startsWith('/v20180820/')) {
        return s3Xml(
          '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
          'PublicAccessBlockConfiguration',
        );
      }
      return versioningEnabled();
    };
    const clients = await clientsWith(route, seen, { endpointUrl: 'http://127.0.0.1:4566' });
    await clients.sts().send(new GetCallerIdentityCommand({}));
    const pab = await clients.s3Control().send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' }));
    await clients.s3('eu-west-1').send(new GetBucketVersioningCommand({ Bucket: 'my.dotted.bucket' }));
    expect(seen.map((r) => `${r.method} ${r.host} ${r.path}`)).toEqual([
      'POST 127.0.0.1 /',
      'GET 127.0.0.1 /v20180820/configuration/publicAccessBlock',
      'GET 127.0.0.1 /my.dotted.bucket/',
    ]);
    expect(seen[1]!.headers['x-amz-account-id']).toBe('123456789012');
    expect(pab.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: true,
    });
    clients.destroy();
  });

  it('rejects an --endpoint-url that is not an http(s) URL with a usage error', async () => {
    await expect(AwsClients.create({ endpointUrl: 'localhost:4566' })).rejects.toBeInstanceOf(UserError);
    await expect(AwsClients.create({ endpointUrl: 'not a url' })).rejects.toThrow(/--endpoint-url|not a URL/);
  });
});

describe('AwsClients: timeouts', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('abandons a call that gets no answer within the request timeout', async () => {
    // a loopback server that accepts the connection and never answers
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const clients = await AwsClients.create({
      homeRegion: 'us-east-1',
      credentials,
      endpointUrl: `http://127.0.0.1:${port}`,
      requestTimeoutMs: 300,
      maxAttempts: 1,
    });
    const started = Date.now();
    const error = await clients
      .s3('us-east-1')
      .send(new GetBucketVersioningCommand({ Bucket: 'silent' }))
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(awsErrorName(error)).toMatch(/Timeout/i);
    clients.destroy();
  });
});

describe('region redirects as the SDK reports them', () => {
  it('reads the region of a 301 PermanentRedirect from the x-amz-bucket-region header', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(
      () =>
        s3XmlError(
          301,
          'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
          { Endpoint: 'far-away.s3.eu-central-1.amazonaws.com', Bucket: 'far-away' },
          { 'x-amz-bucket-region': 'eu-central-1' },
        ),
      seen,
    );
    const error = await clients
      .s3('us-east-1')
      .send(new GetBucketPolicyCommand({ Bucket: 'far-away' }))
      .catch((e: unknown) => e);
    expect(isRegionRedirect(error)).toBe(true);
    expect(redirectRegionOf(error)).toBe('eu-central-1');
    expect(seen).toHaveLength(1);
    clients.destroy();
  });

  it('reads the region of AuthorizationHeaderMalformed from its Region field', async () => {
    const clients = await clientsWith(
      () =>
        s3XmlError(
          400,
          'AuthorizationHeaderMalformed',
          "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-south-1'",
          {
            Region: 'ap-south-1',
          },
        ),
      [],
    );
    const error = await clients
      .s3('us-east-1')
      .send(new GetBucketPolicyCommand({ Bucket: 'mumbai' }))
      .catch((e: unknown) => e);
    expect(isRegionRedirect(error)).toBe(true);
    expect(redirectRegionOf(error)).toBe('ap-south-1');
    clients.destroy();
  });
});

describe('every command gets its clients from the factory', () => {
  it('the Security Hub export signs for its own region and goes to --endpoint-url like the scan', async () => {
    const seen: FakeRequest[] = [];
    const clients = await clientsWith(
      () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"FailedCount":0,"SuccessCount":0,"FailedFindings":[]}',
      }),
      seen,
      { endpointUrl: 'http://127.0.0.1:4566' },
    );
    const out = await securityHubClient(clients, 'eu-west-1').send(new BatchImportFindingsCommand({ Findings: [] }));
    expect(out.SuccessCount).toBe(0);
    expect(seen.map((r) => `${r.method} ${r.host} ${r.path}`)).toEqual(['POST 127.0.0.1 /findings/import']);
    expect(seen[0]!.headers.authorization).toContain('/eu-west-1/securityhub/aws4_request');
    clients.destroy();
  });
});
