import {
  callerIdentity,
  s3Xml,
  s3XmlError,
  xml,
  type FakeRequest,
  type FakeResponse,
  type FakeRoute,
} from './fake-aws-http.ts';

/**
 * An AWS account at the HTTP level (STS, S3 Control, S3), answering with the XML bodies of the API
 * references. Each bucket refuses calls signed for another region with a 301 PermanentRedirect, as S3 does.
 * Used by the `--endpoint-url` end-to-end tests and by the scan benchmark.
 */

export const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

const NOT_FOUND: Record<string, [string, string]> = {
  policy: ['NoSuchBucketPolicy', 'The bucket policy does not exist'],
  policyStatus: ['NoSuchBucketPolicy', 'The bucket policy does not exist'],
  publicAccessBlock: ['NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'],
  ownershipControls: ['OwnershipControlsNotFoundError', 'The bucket ownership controls were not found'],
  encryption: [
    'ServerSideEncryptionConfigurationNotFoundError',
    'The server side encryption configuration was not found',
  ],
  'object-lock': ['ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket'],
  lifecycle: ['NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'],
  replication: ['ReplicationConfigurationNotFoundError', 'The replication configuration was not found'],
  tagging: ['NoSuchTagSet', 'The TagSet does not exist'],
  website: ['NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration'],
  cors: ['NoSuchCORSConfiguration', 'The CORS configuration does not exist'],
};

/** The query parameter that names each bucket subresource (policyStatus before policy: both are tested by key). */
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
export type Subresource = (typeof SUBRESOURCES)[number];

export interface EmulatedBucket {
  region: string;
  /** ListBuckets names the region (today's S3) or not (then GetBucketLocation is asked) */
  listRegion: boolean;
  /** answers per subresource; the others answer S3's "not configured" error (or the region, for location) */
  answers: Partial<Record<Subresource, () => FakeResponse>>;
}

export function aclXml(extraGrant = ''): FakeResponse {
  return s3Xml(
    `<AccessControlPolicy><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>${extraGrant}</AccessControlList></AccessControlPolicy>`,
    'AccessControlPolicy',
  );
}

export function secureTransportPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

/** A well-configured bucket's answers: policy, PAB, ACL, ownership, KMS encryption, versioning, logging, lifecycle, tags, notifications. */
export function hardenedAnswers(bucket: string, accountId: string, region: string): EmulatedBucket['answers'] {
  return {
    policy: () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: secureTransportPolicy(bucket),
    }),
    policyStatus: () => s3Xml('<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>', 'PolicyStatus'),
    publicAccessBlock: () =>
      s3Xml(
        '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
        'PublicAccessBlockConfiguration',
      ),
    acl: () => aclXml(),
    ownershipControls: () =>
      s3Xml(
        '<OwnershipControls><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>',
        'OwnershipControls',
      ),
    encryption: () =>
      s3Xml(
        `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:${region}:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
        'ServerSideEncryptionConfiguration',
      ),
    versioning: () =>
      s3Xml(
        '<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>',
        'VersioningConfiguration',
      ),
    logging: () =>
      s3Xml(
        `<BucketLoggingStatus><LoggingEnabled><TargetBucket>central-logs</TargetBucket><TargetPrefix>${bucket}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
        'BucketLoggingStatus',
      ),
    lifecycle: () =>
      s3Xml(
        '<LifecycleConfiguration><Rule><ID>expire-tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status><Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule></LifecycleConfiguration>',
        'LifecycleConfiguration',
      ),
    tagging: () => s3Xml('<Tagging><TagSet><Tag><Key>env</Key><Value>prod</Value></Tag></TagSet></Tagging>', 'Tagging'),
    notification: () =>
      s3Xml(
        '<NotificationConfiguration><EventBridgeConfiguration></EventBridgeConfiguration></NotificationConfiguration>',
        'NotificationConfiguration',
      ),
  };
}

function signedRegion(request: FakeRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

export function emulatedAccount(accountId: string, buckets: Record<string, EmulatedBucket>): FakeRoute {
  return (request: FakeRequest): FakeResponse => {
    if (request.method === 'POST' && request.body.includes('Action=GetCallerIdentity'))
      return callerIdentity(accountId);
    if (request.path === '/v20180820/configuration/publicAccessBlock') {
      return xml(
        404,
        '<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code><Message>The public access block configuration was not found</Message></Error><RequestId>1F6A1C1F0E2B</RequestId><HostId>h0st</HostId></ErrorResponse>',
      );
    }
    if (request.path === '/' && request.query['x-id'] === 'ListBuckets') {
      const entries = Object.entries(buckets)
        .map(
          ([name, b]) =>
            `<Bucket><Name>${name}</Name><CreationDate>2023-05-06T07:08:09.000Z</CreationDate>${b.listRegion ? `<BucketRegion>${b.region}</BucketRegion>` : ''}</Bucket>`,
        )
        .join('');
      return s3Xml(
        `<ListAllMyBucketsResult><Owner><ID>${OWNER_ID}</ID></Owner><Buckets>${entries}</Buckets></ListAllMyBucketsResult>`,
        'ListAllMyBucketsResult',
      );
    }
    // path-style (endpoint) or virtual-hosted (regional AWS host) addressing
    const name = request.host.includes('.s3.')
      ? request.host.split('.s3.')[0]!
      : decodeURIComponent(request.path.split('/')[1] ?? '');
    const bucket = buckets[name];
    if (!bucket) return s3XmlError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name });
    const sub = SUBRESOURCES.find((s) => s in request.query);
    if (!sub)
      return s3XmlError(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
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
    if (sub === 'location')
      return s3Xml(`<LocationConstraint>${bucket.region}</LocationConstraint>`, 'LocationConstraint');
    const [code, message] = NOT_FOUND[sub] ?? ['NotImplemented', 'not emulated'];
    return s3XmlError(404, code, message);
  };
}
