import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/model/snapshot.ts';
import { BUCKET_OPERATION_NAMES } from '../../src/model/snapshot-schema.ts';
import { callerIdentity, s3Xml, s3XmlError, startFakeAwsServer, xml, type FakeRequest, type FakeResponse } from '../aws/fake-aws-http.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * End to end over real HTTP: the CLI in a child process, `--endpoint-url` pointing at a loopback server that
 * answers STS, S3 Control and S3 with the XML bodies of the AWS API references. (No npm S3 emulator fits:
 * s3rver 3.7 answers NotImplemented to most bucket-configuration reads and has no STS or S3 Control.)
 */

const ACCOUNT = '210987654321';
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const NOT_FOUND: Record<string, [string, string]> = {
  policy: ['NoSuchBucketPolicy', 'The bucket policy does not exist'],
  policyStatus: ['NoSuchBucketPolicy', 'The bucket policy does not exist'],
  publicAccessBlock: ['NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'],
  ownershipControls: ['OwnershipControlsNotFoundError', 'The bucket ownership controls were not found'],
  encryption: ['ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found'],
  'object-lock': ['ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket'],
  lifecycle: ['NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'],
  replication: ['ReplicationConfigurationNotFoundError', 'The replication configuration was not found'],
  tagging: ['NoSuchTagSet', 'The TagSet does not exist'],
  website: ['NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration'],
  cors: ['NoSuchCORSConfiguration', 'The CORS configuration does not exist'],
};
const SUBRESOURCES = [
  'policyStatus',
  'policy',
  'publicAccessBlock',
  'acl',
  'ownershipControls',
  'encryption',
  'versioning',
  'logging',
  'object-lock',
  'lifecycle',
  'replication',
  'tagging',
  'website',
  'notification',
  'cors',
  'location',
] as const;
type Subresource = (typeof SUBRESOURCES)[number];

interface EmulatedBucket {
  region: string;
  /** ListBuckets names the region (today's S3) or not (then GetBucketLocation is asked) */
  listRegion: boolean;
  answers: Partial<Record<Subresource, () => FakeResponse>>;
}

const aclXml = (extraGrant = '') =>
  s3Xml(
    `<AccessControlPolicy><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>${extraGrant}</AccessControlList></AccessControlPolicy>`,
    'AccessControlPolicy',
  );

const securePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::site-assets', 'arn:aws:s3:::site-assets/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

function emulatedBuckets(): Record<string, EmulatedBucket> {
  let loggingCalls = 0;
  return {
    'site-assets': {
      region: 'us-east-1',
      listRegion: true,
      answers: {
        policy: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: securePolicy }),
        policyStatus: () => s3Xml('<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>', 'PolicyStatus'),
        publicAccessBlock: () =>
          s3Xml(
            '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
            'PublicAccessBlockConfiguration',
          ),
        acl: () => aclXml(),
        ownershipControls: () => s3Xml('<OwnershipControls><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>', 'OwnershipControls'),
        encryption: () =>
          s3Xml(
            `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
            'ServerSideEncryptionConfiguration',
          ),
        versioning: () => s3Xml('<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>', 'VersioningConfiguration'),
        logging: () =>
          s3Xml('<BucketLoggingStatus><LoggingEnabled><TargetBucket>central-logs</TargetBucket><TargetPrefix>site-assets/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>', 'BucketLoggingStatus'),
        lifecycle: () =>
          s3Xml(
            '<LifecycleConfiguration><Rule><ID>expire-tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status><Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule></LifecycleConfiguration>',
            'LifecycleConfiguration',
          ),
        tagging: () => s3Xml('<Tagging><TagSet><Tag><Key>env</Key><Value>prod</Value></Tag></TagSet></Tagging>', 'Tagging'),
        notification: () => s3Xml('<NotificationConfiguration><EventBridgeConfiguration></EventBridgeConfiguration></NotificationConfiguration>', 'NotificationConfiguration'),
      },
    },
    'legacy-dump': {
      region: 'eu-west-1',
      listRegion: false,
      answers: {
        location: () => s3Xml('<LocationConstraint>EU</LocationConstraint>', 'LocationConstraint'),
        acl: () =>
          aclXml(
            '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>',
          ),
        versioning: () => s3Xml('<VersioningConfiguration></VersioningConfiguration>', 'VersioningConfiguration'),
        // throttled once: the SDK retries, the snapshot holds the answer
        logging: () =>
          ++loggingCalls === 1 ? s3XmlError(503, 'SlowDown', 'Please reduce your request rate.') : s3Xml('<BucketLoggingStatus></BucketLoggingStatus>', 'BucketLoggingStatus'),
        notification: () => s3Xml('<NotificationConfiguration></NotificationConfiguration>', 'NotificationConfiguration'),
      },
    },
    'hidden-reports': {
      region: 'ap-southeast-2',
      listRegion: false,
      answers: {
        location: () => s3XmlError(403, 'AccessDenied', 'Access Denied'),
        acl: () => aclXml(),
        versioning: () => s3Xml('<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>', 'VersioningConfiguration'),
        logging: () => s3XmlError(403, 'AccessDenied', 'Access Denied'),
        notification: () => s3Xml('<NotificationConfiguration></NotificationConfiguration>', 'NotificationConfiguration'),
      },
    },
  };
}

function signedRegion(request: FakeRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

/** An account of three buckets behind one endpoint, refusing calls signed for the wrong region as S3 does. */
function emulatedAccount(buckets = emulatedBuckets()) {
  return (request: FakeRequest): FakeResponse => {
    if (request.method === 'POST' && request.body.includes('Action=GetCallerIdentity')) return callerIdentity(ACCOUNT);
    if (request.path === '/v20180820/configuration/publicAccessBlock') {
      return xml(
        404,
        `<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code><Message>The public access block configuration was not found</Message></Error><RequestId>1F6A1C1F0E2B</RequestId><HostId>h0st</HostId></ErrorResponse>`,
      );
    }
    if (request.path === '/' && request.query['x-id'] === 'ListBuckets') {
      const entries = Object.entries(buckets)
        .map(
          ([name, b]) =>
            `<Bucket><Name>${name}</Name><CreationDate>2023-05-06T07:08:09.000Z</CreationDate>${b.listRegion ? `<BucketRegion>${b.region}</BucketRegion>` : ''}</Bucket>`,
        )
        .join('');
      return s3Xml(`<ListAllMyBucketsResult><Owner><ID>${OWNER_ID}</ID></Owner><Buckets>${entries}</Buckets></ListAllMyBucketsResult>`, 'ListAllMyBucketsResult');
    }
    const name = decodeURIComponent(request.path.split('/')[1] ?? '');
    const bucket = buckets[name];
    if (!bucket) return s3XmlError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name });
    const sub = SUBRESOURCES.find((s) => s in request.query);
    if (!sub) return s3XmlError(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
    if (sub !== 'location' && signedRegion(request) !== bucket.region) {
      return s3XmlError(
        301,
        'PermanentRedirect',
        'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
        { Endpoint: `${name}.s3.${bucket.region}.amazonaws.com`, Bucket: name },
        { 'x-amz-bucket-region': bucket.region },
      );
    }
    const answer = bucket.answers[sub];
    if (answer) return answer();
    if (sub === 'location') return s3Xml(`<LocationConstraint>${bucket.region}</LocationConstraint>`, 'LocationConstraint');
    const [code, message] = NOT_FOUND[sub] ?? ['NotImplemented', 'not emulated'];
    return s3XmlError(404, code, message);
  };
}

const CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-endpoint-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('scan aws --endpoint-url (real HTTP, real SDK)', () => {
  it('collects every bucket in its own region through the endpoint and reports on it', async () => {
    const server = await startFakeAwsServer(emulatedAccount());
    const out = path.join(dir, 'endpoint.json');
    try {
      const result = await runCli(['scan', 'aws', '--endpoint-url', server.url, '--format', 'json', '--snapshot-out', out], {
        env: { ...CREDENTIALS_ENV, AWS_CONFIG_FILE: path.join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') },
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);

      const snapshot = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
      expect(snapshot.accountId).toBe(ACCOUNT);
      expect(snapshot.s3!.GetPublicAccessBlock).toEqual({
        error: { name: 'NoSuchPublicAccessBlockConfiguration', message: 'The public access block configuration was not found' },
      });
      const { 'site-assets': site, 'legacy-dump': legacy, 'hidden-reports': hidden } = snapshot.s3!.buckets;
      expect(site!.Region).toBe('us-east-1');
      expect(site!.CreationDate).toBe('2023-05-06T07:08:09.000Z');
      expect(site!.GetBucketPolicy).toEqual({ Policy: securePolicy });
      expect(site!.GetBucketVersioning).toEqual({ Status: 'Enabled', MFADelete: 'Disabled' });
      expect(site!.GetBucketLogging).toEqual({ LoggingEnabled: { TargetBucket: 'central-logs', TargetPrefix: 'site-assets/' } });
      expect(site!.GetBucketLifecycleConfiguration).toEqual({
        Rules: [{ ID: 'expire-tmp', Filter: { Prefix: 'tmp/' }, Status: 'Enabled', Expiration: { Date: '2030-01-01T00:00:00.000Z' } }],
      });
      expect(site!.GetBucketTagging).toEqual({ TagSet: [{ Key: 'env', Value: 'prod' }] });
      expect(site!.GetBucketWebsite).toEqual({ error: { name: 'NoSuchWebsiteConfiguration', message: 'The specified bucket does not have a website configuration' } });

      expect(legacy!.Region).toBe('eu-west-1');
      expect(legacy!.GetBucketAcl).toMatchObject({
        Grants: [{ Permission: 'FULL_CONTROL' }, { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }],
      });
      expect(legacy!.GetBucketVersioning).toEqual({});
      expect(legacy!.GetBucketLogging).toEqual({});
      expect(legacy!.GetBucketPolicy).toEqual({ error: { name: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' } });

      // GetBucketLocation was denied: S3's redirect named the region, and the calls were asked again there
      expect(hidden!.Region).toBe('ap-southeast-2');
      expect(hidden!.GetBucketVersioning).toEqual({ Status: 'Suspended' });
      expect(hidden!.GetBucketLogging).toEqual({ error: { name: 'AccessDenied', message: 'Access Denied' } });
      for (const op of BUCKET_OPERATION_NAMES) expect(hidden![op], op).not.toMatchObject({ error: { name: 'PermanentRedirect' } });

      const report = JSON.parse(result.stdout) as { accountId: string; results: { checkId: string; status: string; resource: { arn: string }; reason?: string }[] };
      expect(report.accountId).toBe(ACCOUNT);
      const status = (checkId: string, bucket: string) =>
        report.results.find((r) => r.checkId === checkId && r.resource.arn === `arn:aws:s3:::${bucket}`);
      expect(status('s3-bucket-versioning-enabled', 'site-assets')?.status).toBe('pass');
      expect(status('s3-bucket-versioning-enabled', 'legacy-dump')?.status).toBe('fail');
      expect(status('s3-bucket-logging-enabled', 'hidden-reports')).toMatchObject({ status: 'unknown' });
      expect(status('s3-bucket-logging-enabled', 'hidden-reports')?.reason).toContain('AccessDenied');

      // every call went to the endpoint, S3 path-style, S3 Control without the account-id host prefix
      expect(server.seen.every((r) => r.host === new URL(server.url).host)).toBe(true);
      expect(server.seen.filter((r) => r.path === '/v20180820/configuration/publicAccessBlock')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('on Ctrl-C stops, writes what it collected marked partial, and exits 130', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`bucket-${String(i).padStart(2, '0')}`, { region: 'us-east-1', listRegion: true, answers: {} }]),
    );
    const server = await startFakeAwsServer(emulatedAccount(many), { delayMs: 100 });
    const out = path.join(dir, 'partial.json');
    try {
      const child = spawn(
        process.execPath,
        [fileURLToPath(new URL('../../bin/cloudwarden.js', import.meta.url)), 'scan', 'aws', '--endpoint-url', server.url, '--snapshot-out', out, '--concurrency', '4'],
        { env: { ...process.env, ...CREDENTIALS_ENV, AWS_CONFIG_FILE: path.join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'), NO_COLOR: '1' } },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // interrupt once bucket calls are under way
      while (server.seen.filter((r) => r.path.startsWith('/bucket-')).length < 20) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGINT');
      const code = await exited;
      expect(stderr).toMatch(/interrupted: \d+ of 30 buckets fully collected; what was collected is in .*partial\.json \(marked partial\)/);
      expect(code).toBe(130);
      const snapshot = validateSnapshot(JSON.parse(await readFile(out, 'utf8')));
      expect(snapshot.partial).toBe(true);
      expect(Object.keys(snapshot.s3!.buckets)).toHaveLength(30);
      const collected = Object.values(snapshot.s3!.buckets).reduce((n, b) => n + BUCKET_OPERATION_NAMES.filter((op) => b[op] !== undefined).length, 0);
      expect(collected).toBeGreaterThan(0);
      expect(collected).toBeLessThan(30 * BUCKET_OPERATION_NAMES.length);
    } finally {
      await server.close();
    }
  });
});
