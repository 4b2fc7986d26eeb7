/**
 * Bucket policies from the AWS documentation (or the exact variants AWS's text describes), each
 * with the verdict AWS's definition gives and why. Sources:
 * - BPA: S3 user guide, Blocking public access > "The meaning of public"
 * - EX: S3 user guide, "Bucket policy examples"
 * - OAC: CloudFront developer guide, "Restricting access to an Amazon S3 origin" (OAC)
 * - ELB: ELB user guide, "Enable access logs for your Application Load Balancer"
 * - SAL: S3 user guide, "Enabling Amazon S3 server access logging" (bucket policy)
 * - VPCE: S3 user guide / VPC guide, "Controlling access from VPC endpoints with bucket policies"
 * - ORG: IAM user guide, aws:PrincipalOrgID; S3 user guide, "Delegating access control to access points"
 * - CT: CloudTrail user guide, "Amazon S3 bucket policy for CloudTrail"
 */
export interface PolicyExample {
  name: string;
  source: string;
  policy: unknown;
  public: boolean;
  why: string;
  /** statements the analysis must name as public (checked when given) */
  publicStatements?: string[];
}

const statementsOf = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const anyoneWith = (condition: object, action: string | string[] = 's3:GetObject') =>
  statementsOf({
    Sid: 'Anyone',
    Effect: 'Allow',
    Principal: '*',
    Action: action,
    Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
    Condition: condition,
  });

export const AWS_DOC_EXAMPLES: PolicyExample[] = [
  // --- "The meaning of public" (BPA) ---
  {
    name: 'federated web identity provider may PutObject',
    source: 'BPA example: public bucket policies (1)',
    policy: statementsOf({
      Principal: { Federated: 'graph.facebook.com' },
      Resource: '*',
      Action: 's3:PutObject',
      Effect: 'Allow',
    }),
    public: true,
    why: 'anyone can sign in to graph.facebook.com; AWS lists this policy as public',
    publicStatements: ['#1'],
  },
  {
    name: 'Principal * may PutObject',
    source: 'BPA example: public bucket policies (2)',
    policy: statementsOf({ Principal: '*', Resource: '*', Action: 's3:PutObject', Effect: 'Allow' }),
    public: true,
    why: 'Principal * without any condition',
    publicStatements: ['#1'],
  },
  {
    name: 'Principal * with StringLike aws:SourceVpc vpc-*',
    source: 'BPA example: public bucket policies (3)',
    policy: statementsOf({
      Principal: '*',
      Resource: '*',
      Action: 's3:PutObject',
      Effect: 'Allow',
      Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } },
    }),
    public: true,
    why: 'vpc-* is a wildcard, not a fixed value',
  },
  {
    name: 'Principal * with StringEquals aws:SourceVpc vpc-91237329',
    source: 'BPA example: the same policy made non-public',
    policy: statementsOf({
      Principal: '*',
      Resource: '*',
      Action: 's3:PutObject',
      Effect: 'Allow',
      Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } },
    }),
    public: false,
    why: 'a fixed aws:SourceVpc value',
  },
  {
    name: 'CloudTrail service + Account-2 + Principal * without condition',
    source: 'BPA: bucket policy with both public and non-public grants',
    policy: statementsOf(
      {
        Sid: 'CloudTrail',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/AWSLogs/*',
      },
      {
        Sid: 'Account2',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
      },
      {
        Sid: 'Public',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
      },
    ),
    public: true,
    why: 'statement 3 alone makes the whole policy public; statements 1 and 2 are not public',
    publicStatements: ['Public'],
  },
  {
    name: 'aws:SourceIp 0.0.0.0/1',
    source: 'BPA note: very broad IP ranges are evaluated as public',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } }),
    public: true,
    why: 'broader than /8 for IPv4',
  },
  {
    name: 'aws:SourceIp 0.0.0.0/0',
    source: 'BPA note (the whole IPv4 space)',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }),
    public: true,
    why: '/0 does not restrict anything',
  },
  {
    name: 'aws:SourceIp ::/0',
    source: 'BPA note (the whole IPv6 space)',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '::/0' } }),
    public: true,
    why: '/0 does not restrict anything',
  },
  {
    name: 'aws:SourceIp 52.0.0.0/8',
    source: 'BPA note: the limit is /8 for IPv4',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '52.0.0.0/8' } }),
    public: false,
    why: 'a /8 is not broader than /8',
  },
  {
    name: 'aws:SourceIp 52.0.0.0/7',
    source: 'BPA note: broader than /8 for IPv4',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '52.0.0.0/7' } }),
    public: true,
    why: 'a /7 is broader than /8',
  },
  {
    name: 'aws:SourceIp 2001:db8::/32',
    source: 'BPA note: the limit is /32 for IPv6',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }),
    public: false,
    why: 'a /32 is not broader than /32 for IPv6',
  },
  {
    name: 'aws:SourceIp 2001:db8::/31',
    source: 'BPA note: broader than /32 for IPv6',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': '2001:db8::/31' } }),
    public: true,
    why: 'a /31 is broader than /32 for IPv6',
  },
  {
    name: 'aws:SourceIp one fixed range and one /0',
    source: 'BPA: every value must be fixed',
    policy: anyoneWith({ IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '0.0.0.0/0'] } }),
    public: true,
    why: 'one broad value opens the grant to everyone',
  },
  {
    name: 'aws:userid AROLEID:* (a role’s sessions)',
    source: 'BPA: aws:userid outside the pattern AROLEID:*',
    policy: anyoneWith({ StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' } }),
    public: false,
    why: 'AWS accepts the AROLEID:* pattern as fixed',
  },
  {
    name: 'aws:userid *:alice',
    source: 'BPA: other wildcards in aws:userid',
    policy: anyoneWith({ StringLike: { 'aws:userid': '*:alice' } }),
    public: true,
    why: 'a wildcard in the role id part matches any account’s roles',
  },
  {
    name: 's3:DataAccessPointArn with a wildcard access point name',
    source: 'BPA note: wildcard access point name with a fixed account',
    policy: anyoneWith({ ArnLike: { 's3:DataAccessPointArn': 'arn:aws:s3:us-west-2:123456789012:accesspoint/*' } }),
    public: false,
    why: 'the account id is fixed, which AWS accepts for bucket policies',
  },
  {
    name: 's3:x-amz-server-side-encryption-aws-kms-key-id fixed',
    source: 'BPA: listed condition key',
    policy: anyoneWith(
      {
        StringEquals: {
          's3:x-amz-server-side-encryption-aws-kms-key-id':
            'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      },
      's3:PutObject',
    ),
    public: false,
    why: 'a fixed KMS key id is on AWS’s list',
  },
  // --- Bucket policy examples (EX) ---
  {
    name: 'PublicRead: anonymous GetObject/GetObjectVersion',
    source: 'EX: granting read-only permission to an anonymous user',
    policy: statementsOf({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'],
    }),
    public: true,
    why: 'Principal * without a condition',
    publicStatements: ['PublicRead'],
  },
  {
    name: 'AddCannedAcl: two accounts with s3:x-amz-acl public-read',
    source: 'EX: granting permissions to multiple accounts with added conditions',
    policy: statementsOf({
      Sid: 'AddCannedAcl',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] },
      Action: ['s3:PutObject', 's3:PutObjectAcl'],
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
      Condition: { StringEquals: { 's3:x-amz-acl': ['public-read'] } },
    }),
    public: false,
    why: 'fixed principals (the objects’ ACLs may be public, the policy is not)',
  },
  {
    name: 'IPAllow: Deny everything outside 54.240.143.0/24',
    source: 'EX: limiting access to specific IP addresses',
    policy: {
      Version: '2012-10-17',
      Id: 'S3PolicyId1',
      Statement: [
        {
          Sid: 'IPAllow',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'],
          Condition: { NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } },
        },
      ],
    },
    public: false,
    why: 'Deny statements never make a policy public',
  },
  {
    name: 'AllowIPmix: Principal * s3:* from IPv4 /24 and IPv6 /64',
    source: 'EX: allowing IPv4 and IPv6 addresses',
    policy: {
      Id: 'PolicyId2',
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowIPmix',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'],
          Condition: {
            IpAddress: { 'aws:SourceIp': ['54.240.143.0/24', '2001:DB8:1234:5678::/64'] },
            NotIpAddress: { 'aws:SourceIp': ['54.240.143.128/30', '2001:DB8:1234:5678:ABCD::/80'] },
          },
        },
      ],
    },
    public: false,
    why: 'narrow aws:SourceIp ranges restrict the grant',
  },
  {
    name: 'aws:Referer condition',
    source: 'EX: restricting access to a specific HTTP referer',
    policy: statementsOf({
      Sid: 'Allow get requests originating from www.example.com and example.com.',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
      Condition: { StringLike: { 'aws:Referer': ['http://www.example.com/*', 'http://example.com/*'] } },
    }),
    public: true,
    why: 'anyone can send any Referer header; aws:Referer is not on AWS’s list',
  },
  {
    name: 'CloudFront origin access identity (legacy OAI)',
    source: 'EX: granting permission to an Amazon CloudFront OAI',
    policy: {
      Version: '2012-10-17',
      Id: 'PolicyForCloudFrontPrivateContent',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity EH1HDMB1FH2TC' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
        },
      ],
    },
    public: false,
    why: 'a fixed principal',
  },
  {
    name: 'MFA on taxdocuments, public GetObject on the rest',
    source: 'EX: adding a bucket policy to require MFA',
    policy: {
      Version: '2012-10-17',
      Id: '123',
      Statement: [
        {
          Sid: '',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/taxdocuments/*',
          Condition: { Null: { 'aws:MultiFactorAuthAge': true } },
        },
        {
          Sid: '',
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject'],
          Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
        },
      ],
    },
    public: true,
    why: 'the Allow has no condition; the MFA Deny covers one prefix only',
    publicStatements: ['#2'],
  },
  {
    name: 'PolicyForAllowUploadWithACL: another account uploads with bucket-owner-full-control',
    source: 'EX: cross-account upload while the bucket owner keeps full control',
    policy: statementsOf({
      Sid: 'PolicyForAllowUploadWithACL',
      Effect: 'Allow',
      Principal: { AWS: '123456789012' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }),
    public: false,
    why: 'a fixed account principal',
  },
  {
    name: 'S3 Inventory / analytics destination',
    source: 'EX: granting permissions for Amazon S3 Inventory and analytics',
    policy: statementsOf({
      Sid: 'InventoryAndAnalyticsExamplePolicy',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: ['arn:aws:s3:::destinationbucket/*'],
      Condition: {
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::sourcebucket' },
        StringEquals: { 'aws:SourceAccount': '123456789012', 's3:x-amz-acl': 'bucket-owner-full-control' },
      },
    }),
    public: false,
    why: 'a service principal',
  },
  {
    name: 'S3 Storage Lens metrics export',
    source: 'EX: granting permissions for Amazon S3 Storage Lens',
    policy: statementsOf({
      Sid: 'S3StorageLensExamplePolicy',
      Effect: 'Allow',
      Principal: { Service: ['storage-lens.s3.amazonaws.com'] },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::destination-bucket/destination-prefix/StorageLens/111122223333/*',
      Condition: {
        StringEquals: {
          'aws:SourceArn': 'arn:aws:s3:your-region:111122223333:storage-lens/your-dashboard-configuration-id',
        },
      },
    }),
    public: false,
    why: 'a service principal',
  },
  // --- CloudFront OAC ---
  {
    name: 'CloudFront OAC read-only (Statement as a single object)',
    source: 'OAC: give the origin access control permission to access the S3 bucket',
    policy: {
      Version: '2012-10-17',
      Statement: {
        Sid: 'AllowCloudFrontServicePrincipalReadOnly',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
        Condition: {
          StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE' },
        },
      },
    },
    public: false,
    why: 'a service principal limited to one distribution',
  },
  {
    name: 'Principal * limited to any CloudFront distribution by StringLike',
    source: 'OAC variant: wildcard SourceArn',
    policy: anyoneWith({ StringLike: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/*' } }),
    public: true,
    why: 'a wildcard aws:SourceArn is not a fixed value',
  },
  // --- ELB access logs ---
  {
    name: 'ALB access logs, regions after August 2022 (log delivery service principal)',
    source: 'ELB: bucket policy for the logdelivery.elasticloadbalancing.amazonaws.com principal',
    policy: statementsOf({
      Effect: 'Allow',
      Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::amzn-s3-demo-logging-bucket/logging-prefix/AWSLogs/123456789012/*',
    }),
    public: false,
    why: 'a service principal',
  },
  {
    name: 'ALB access logs, older regions (the ELB account of ap-northeast-1)',
    source: 'ELB: bucket policy for the Elastic Load Balancing account of the Region',
    policy: statementsOf({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::582318560864:root' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::amzn-s3-demo-logging-bucket/logging-prefix/AWSLogs/123456789012/*',
    }),
    public: false,
    why: 'a fixed account principal (a cross-account write grant, not a public one)',
  },
  // --- S3 server access logging ---
  {
    name: 'server access logs destination (logging.s3.amazonaws.com)',
    source: 'SAL: grant permissions to the logging service principal',
    policy: statementsOf({
      Sid: 'S3ServerAccessLogsPolicy',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: ['s3:PutObject'],
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-DESTINATION-BUCKET/EXAMPLE-LOGGING-PREFIX*',
      Condition: {
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::DOC-EXAMPLE-SOURCE-BUCKET' },
        StringEquals: { 'aws:SourceAccount': '111122223333' },
      },
    }),
    public: false,
    why: 'a service principal',
  },
  // --- VPC endpoints ---
  {
    name: 'Access-to-specific-VPCE-only (Deny only)',
    source: 'VPCE: restricting access to a specific VPC endpoint',
    policy: {
      Version: '2012-10-17',
      Id: 'Policy1415115909152',
      Statement: [
        {
          Sid: 'Access-to-specific-VPCE-only',
          Principal: '*',
          Action: 's3:*',
          Effect: 'Deny',
          Resource: ['arn:aws:s3:::awsexamplebucket1', 'arn:aws:s3:::awsexamplebucket1/*'],
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
        },
      ],
    },
    public: false,
    why: 'Deny statements never make a policy public',
  },
  {
    name: 'public GetObject fenced by a Deny outside one VPC',
    source: 'VPCE: restricting access to a specific VPC, combined with an Allow to *',
    policy: statementsOf(
      {
        Sid: 'AllowRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::awsexamplebucket1/*',
      },
      {
        Sid: 'Access-to-specific-VPC-only',
        Principal: '*',
        Action: 's3:*',
        Effect: 'Deny',
        Resource: ['arn:aws:s3:::awsexamplebucket1', 'arn:aws:s3:::awsexamplebucket1/*'],
        Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } },
      },
    ),
    public: false,
    why: 'every request from outside vpc-111bbb22 is denied, so the grant is limited to a fixed VPC',
  },
  {
    name: 'public GetObject with a Deny fence that covers only another prefix',
    source: 'VPCE variant: the Deny does not cover the granted objects',
    policy: statementsOf(
      {
        Sid: 'AllowRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::awsexamplebucket1/*',
      },
      {
        Sid: 'PrivateOnlyInVpc',
        Principal: '*',
        Action: 's3:*',
        Effect: 'Deny',
        Resource: 'arn:aws:s3:::awsexamplebucket1/private/*',
        Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
      },
    ),
    public: true,
    why: 'objects outside private/ stay readable by anyone',
    publicStatements: ['AllowRead'],
  },
  {
    name: 'StringEqualsIfExists aws:SourceVpce',
    source: 'VPCE variant: IfExists passes requests without the key',
    policy: anyoneWith({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }),
    public: true,
    why: 'a request from the internet has no aws:SourceVpce, so IfExists lets it through',
  },
  {
    name: 'condition key written in upper case (AWS:SOURCEVPCE)',
    source: 'IAM: condition key names are case-insensitive',
    policy: anyoneWith({ StringEquals: { 'AWS:SOURCEVPCE': 'vpce-1a2b3c4d' } }),
    public: false,
    why: 'same key as aws:SourceVpce',
  },
  // --- Organizations and access points ---
  {
    name: 'aws:PrincipalOrgID',
    source: 'ORG: allow access to principals of one organization',
    policy: statementsOf({
      Sid: 'AllowGetObject',
      Principal: { AWS: '*' },
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-aa111bb222'] } },
    }),
    public: false,
    why: 'a fixed organization id',
  },
  {
    name: 'delegating access control to access points (s3:DataAccessPointAccount)',
    source: 'ORG: S3 user guide, delegating access control to access points',
    policy: {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: '*',
        Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
        Condition: { StringEquals: { 's3:DataAccessPointAccount': '111122223333' } },
      },
    },
    public: false,
    why: 'a fixed s3:DataAccessPointAccount',
  },
  {
    name: 'aws:PrincipalArn with a policy variable',
    source: 'BPA: values with an IAM policy variable are not fixed',
    policy: anyoneWith({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/${aws:username}' } }),
    public: true,
    why: 'a policy variable is not a fixed value',
  },
  // --- CloudTrail ---
  {
    name: 'CloudTrail log bucket policy',
    source: 'CT: Amazon S3 bucket policy for CloudTrail',
    policy: statementsOf(
      {
        Sid: 'AWSCloudTrailAclCheck20150319',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: 'arn:aws:s3:::amzn-s3-demo-bucket',
        Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-2:111122223333:trail/trailName' } },
      },
      {
        Sid: 'AWSCloudTrailWrite20150319',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/111122223333/*',
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            'aws:SourceArn': 'arn:aws:cloudtrail:us-east-2:111122223333:trail/trailName',
          },
        },
      },
    ),
    public: false,
    why: 'service principals',
  },
  // --- principals ---
  {
    name: 'NotPrincipal with Allow',
    source: 'IAM: NotPrincipal with Allow grants everyone except the listed principals',
    policy: statementsOf({
      Sid: 'AllButOne',
      Effect: 'Allow',
      NotPrincipal: { AWS: 'arn:aws:iam::444455556666:user/Bob' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*',
    }),
    public: true,
    why: 'NotPrincipal with Allow is everyone else, anonymous users included',
    publicStatements: ['AllButOne'],
  },
  {
    name: 'AWS principal list containing *',
    source: 'BPA: {"AWS": "*"} is public',
    policy: statementsOf({
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] },
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET',
    }),
    public: true,
    why: 'one * in the list opens the statement to everyone',
  },
  {
    name: 'Allow * with aws:SecureTransport true only',
    source: 'IAM: aws:SecureTransport is not on AWS’s list',
    policy: anyoneWith({ Bool: { 'aws:SecureTransport': 'true' } }),
    public: true,
    why: 'anyone can use HTTPS',
  },
];
