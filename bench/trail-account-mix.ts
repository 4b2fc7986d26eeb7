/**
 * CloudTrail records shaped like an hour of a real, busy account, for the detect benches: mostly high-volume reads
 * and service-to-service calls that no rule names, by many principals (EC2 instance roles, Lambda and ECS task
 * roles, IAM users, IAM Identity Center sessions, AWS services), with a small share of the Stratus Red Team attack
 * records mixed in. Deterministic: the same seed gives the same records, byte for byte.
 *
 * The shares (per 10,000 records) are in MIX below and documented in bench/README.md. Field shapes follow what
 * CloudTrail writes for each kind of caller: `userIdentity.type` AssumedRole / IAMUser / AWSService with
 * `invokedBy`, `sourceIPAddress` an IP address or a service's host name, `errorCode`/`errorMessage` on a few calls,
 * S3 data events with `resources`, `additionalEventData` and `eventCategory: Data`.
 */

/** mulberry32: a small, fast, seeded generator; the corpus must not depend on Math.random */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const hex = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
};
const upper = (rng: Rng, n: number): string => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  for (let i = 0; i < n; i++) s += abc[Math.floor(rng() * abc.length)];
  return s;
};

/** Who makes a call: the userIdentity CloudTrail writes, where the call comes from, and with what client. */
interface Caller {
  identity: Record<string, unknown>;
  ip: string;
  agent: string;
  /** the call is made by an AWS service on the caller's behalf (KMS for S3, STS for Lambda) */
  service?: string;
}

const SDK_AGENTS = [
  'aws-sdk-java/2.25.60 Linux/5.10.219-208.866.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/legacy',
  'Boto3/1.34.131 md/Botocore#1.34.131 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.131',
  'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/s3#1.58.2',
  'aws-sdk-js/3.614.0 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 lang/js md/nodejs#20.15.1 api/secrets-manager#3.614.0',
];
const CLI_AGENT =
  'aws-cli/2.17.13 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#s3.ls';
const CONSOLE_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/** The principals of one account: built once per corpus from the seed, then picked from per record. */
class Principals {
  readonly instances: Caller[] = [];
  readonly functions: Caller[] = [];
  readonly tasks: Caller[] = [];
  readonly users: Caller[] = [];
  readonly people: Caller[] = [];

  constructor(
    rng: Rng,
    readonly account: string,
  ) {
    const created = '2024-07-01T00:00:00Z';
    const role = (name: string, session: string, extra: Record<string, unknown> = {}): Record<string, unknown> => {
      const roleId = `AROA${upper(rng, 17)}`;
      return {
        type: 'AssumedRole',
        principalId: `${roleId}:${session}`,
        arn: `arn:aws:sts::${account}:assumed-role/${name}/${session}`,
        accountId: account,
        accessKeyId: `ASIA${upper(rng, 16)}`,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: roleId,
            arn: `arn:aws:iam::${account}:role/${name}`,
            accountId: account,
            userName: name,
          },
          attributes: { creationDate: created, mfaAuthenticated: 'false' },
          ...extra,
        },
      };
    };
    const appRoles = ['web-app', 'batch-worker', 'ingest', 'search-indexer', 'eks-node', 'build-agent'];
    for (let i = 0; i < 160; i++) {
      const id = `i-0${hex(rng, 16)}`;
      // an instance calls from its own private address (VPC endpoints) or its subnet's NAT gateway address
      const ip =
        rng() < 0.5 ? `10.${i % 4}.${Math.floor(i / 4) % 250}.${10 + (i % 200)}` : `52.23.${i % 8}.${100 + (i % 8)}`;
      this.instances.push({
        identity: role(pick(rng, appRoles), id, { ec2RoleDelivery: '2.0' }),
        ip,
        agent: pick(rng, SDK_AGENTS),
      });
    }
    for (let i = 0; i < 40; i++) {
      const fn = `${pick(rng, ['orders', 'thumbnails', 'etl', 'webhook', 'auth', 'reports'])}-${pick(rng, ['handler', 'consumer', 'cron', 'api'])}-${i}`;
      this.functions.push({
        identity: role(`${fn}-role`, fn),
        ip: `3.${80 + (i % 20)}.${i}.${17 + i}`,
        agent: SDK_AGENTS[3]!,
      });
    }
    for (let i = 0; i < 30; i++) {
      this.tasks.push({
        identity: role(pick(rng, ['ecs-task-api', 'ecs-task-worker']), hex(rng, 32)),
        ip: `10.8.${i}.${30 + i}`,
        agent: SDK_AGENTS[0]!,
      });
    }
    for (let i = 0; i < 12; i++) {
      const name = pick(rng, ['terraform', 'ci-deploy', 'backup', 'datadog-integration', 'legacy-app']) + `-${i}`;
      this.users.push({
        identity: {
          type: 'IAMUser',
          principalId: `AIDA${upper(rng, 17)}`,
          arn: `arn:aws:iam::${account}:user/${name}`,
          accountId: account,
          accessKeyId: `AKIA${upper(rng, 16)}`,
          userName: name,
        },
        ip: `34.${200 + (i % 50)}.${i}.${9 + i}`,
        agent: i % 3 === 0 ? CLI_AGENT : pick(rng, SDK_AGENTS),
      });
    }
    for (let i = 0; i < 15; i++) {
      const person = `${pick(rng, ['ana', 'bo', 'chen', 'dara', 'eli', 'femi', 'gus'])}.${i}@example.com`;
      const permission = pick(rng, ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess']);
      const caller = {
        identity: role(`AWSReservedSSO_${permission}_${hex(rng, 16)}`, person),
        ip: `81.${20 + (i % 30)}.${i}.${40 + i}`,
        agent: i % 2 === 0 ? CONSOLE_AGENT : CLI_AGENT,
      };
      (caller.identity.sessionContext as { attributes: Record<string, string> }).attributes.mfaAuthenticated = 'false';
      this.people.push(caller);
    }
  }

  /** A workload: instances mostly, then functions and tasks. */
  workload(rng: Rng): Caller {
    const r = rng();
    return r < 0.6 ? pick(rng, this.instances) : r < 0.85 ? pick(rng, this.functions) : pick(rng, this.tasks);
  }

  /** Someone or something managing the account: users (automation), people through Identity Center. */
  operator(rng: Rng): Caller {
    return rng() < 0.6 ? pick(rng, this.users) : pick(rng, this.people);
  }

  /** An AWS service calling on the account's behalf (userIdentity.type AWSService). */
  service(name: string): Caller {
    return { identity: { type: 'AWSService', invokedBy: name }, ip: name, agent: name, service: name };
  }

  /** A role session whose call an AWS service made for it (KMS Decrypt for S3 SSE-KMS): invokedBy, the service's host as source. */
  viaService(rng: Rng, name: string): Caller {
    const caller = this.workload(rng);
    return { identity: { ...caller.identity, invokedBy: name }, ip: name, agent: name, service: name };
  }
}

interface Call {
  source: string;
  name: string;
  readOnly: boolean;
  data?: boolean;
  request: Record<string, unknown> | null;
  response?: Record<string, unknown> | null;
  resources?: Record<string, unknown>[];
  additional?: Record<string, unknown>;
  /** share of calls that fail, and how */
  errors?: { share: number; code: string; message: string };
}

interface MixEntry {
  /** records per 10,000 */
  weight: number;
  make: (rng: Rng, p: Principals, region: string) => { caller: Caller; call: Call };
}

const BUCKETS = ['app-assets-prod', 'data-lake-raw', 'customer-uploads', 'backups-daily', 'build-artifacts'];
const DENIED = { share: 0.02, code: 'AccessDenied', message: 'Access Denied' };

function s3Object(rng: Rng, p: Principals, name: 'GetObject' | 'PutObject' | 'HeadObject'): Call {
  const bucket = pick(rng, BUCKETS);
  const key = `${pick(rng, ['img', 'raw/2024/07/01', 'exports', 'tmp', 'logs'])}/${hex(rng, 12)}.${pick(rng, ['json', 'parquet', 'jpg', 'gz'])}`;
  return {
    source: 's3.amazonaws.com',
    name,
    readOnly: name !== 'PutObject',
    data: true,
    request: { bucketName: bucket, Host: `${bucket}.s3.us-east-1.amazonaws.com`, key },
    response: name === 'PutObject' ? { 'x-amz-server-side-encryption': 'aws:kms' } : null,
    additional: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: name === 'PutObject' ? Math.floor(rng() * 900000) : 0,
      AuthenticationMethod: 'AuthHeader',
      'x-amz-id-2': `${upper(rng, 40)}=`,
      bytesTransferredOut: name === 'GetObject' ? Math.floor(rng() * 900000) : 0,
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      { accountId: p.account, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
    ],
    errors:
      name === 'PutObject'
        ? undefined
        : { share: 0.01, code: 'NoSuchKey', message: 'The specified key does not exist.' },
  };
}

function kms(rng: Rng, p: Principals, region: string, name: 'Decrypt' | 'GenerateDataKey'): Call {
  const bucket = pick(rng, BUCKETS);
  return {
    source: 'kms.amazonaws.com',
    name,
    readOnly: true,
    request: {
      encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${bucket}` },
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      ...(name === 'GenerateDataKey' ? { keySpec: 'AES_256' } : {}),
    },
    resources: [
      {
        accountId: p.account,
        type: 'AWS::KMS::Key',
        ARN: `arn:aws:kms:${region}:${p.account}:key/${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
      },
    ],
  };
}

const describe = (source: string, name: string, request: Record<string, unknown> | null = null): Call => ({
  source,
  name,
  readOnly: true,
  request,
});

const MIX: MixEntry[] = [
  { weight: 2200, make: (r, p) => ({ caller: p.workload(r), call: s3Object(r, p, 'GetObject') }) },
  { weight: 700, make: (r, p) => ({ caller: p.workload(r), call: s3Object(r, p, 'PutObject') }) },
  { weight: 300, make: (r, p) => ({ caller: p.workload(r), call: s3Object(r, p, 'HeadObject') }) },
  { weight: 1100, make: (r, p, g) => ({ caller: p.viaService(r, 's3.amazonaws.com'), call: kms(r, p, g, 'Decrypt') }) },
  {
    weight: 500,
    make: (r, p, g) => ({ caller: p.viaService(r, 's3.amazonaws.com'), call: kms(r, p, g, 'GenerateDataKey') }),
  },
  { weight: 300, make: (r, p, g) => ({ caller: p.workload(r), call: kms(r, p, g, 'Decrypt') }) },
  {
    weight: 700,
    make: (r, p) => {
      const fn = pick(r, p.functions);
      const roleArn = (fn.identity.sessionContext as { sessionIssuer: { arn: string } }).sessionIssuer.arn;
      const caller = p.service(
        r() < 0.6 ? 'lambda.amazonaws.com' : pick(r, ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com']),
      );
      return {
        caller,
        call: {
          source: 'sts.amazonaws.com',
          name: 'AssumeRole',
          readOnly: true,
          request: { roleArn, roleSessionName: (fn.identity.arn as string).split('/').pop(), durationSeconds: 3600 },
          response: {
            credentials: {
              accessKeyId: `ASIA${upper(r, 16)}`,
              sessionToken: `IQoJb3JpZ2luX2Vj${upper(r, 40)}`,
              expiration: 'Jul 1, 2024, 1:00:00 AM',
            },
            assumedRoleUser: { assumedRoleId: `AROA${upper(r, 17)}:x`, arn: fn.identity.arn },
          },
          resources: [{ accountId: p.account, type: 'AWS::IAM::Role', ARN: roleArn }],
        },
      };
    },
  },
  {
    weight: 200,
    make: (r, p) => ({ caller: p.operator(r), call: describe('sts.amazonaws.com', 'GetCallerIdentity') }),
  },
  {
    weight: 100,
    make: (r, p) => ({ caller: p.workload(r), call: describe('sts.amazonaws.com', 'GetCallerIdentity') }),
  },
  {
    weight: 900,
    make: (r, p) => ({
      caller:
        r() < 0.5
          ? p.service(pick(r, ['autoscaling.amazonaws.com', 'ecs.amazonaws.com', 'elasticloadbalancing.amazonaws.com']))
          : p.operator(r),
      call: describe(
        'ec2.amazonaws.com',
        pick(r, [
          'DescribeInstances',
          'DescribeSecurityGroups',
          'DescribeVolumes',
          'DescribeNetworkInterfaces',
          'DescribeSubnets',
          'DescribeInstanceStatus',
        ]),
        {
          maxResults: 1000,
          filterSet: {},
        },
      ),
    }),
  },
  {
    weight: 300,
    make: (r, p) => ({
      caller: r() < 0.7 ? p.service('config.amazonaws.com') : p.operator(r),
      call: describe(
        'iam.amazonaws.com',
        pick(r, ['GetRole', 'ListRoles', 'GetPolicy', 'GetPolicyVersion', 'ListAttachedRolePolicies']),
        {
          roleName: pick(r, ['web-app', 'batch-worker', 'ingest']),
        },
      ),
    }),
  },
  {
    weight: 400,
    make: (r, p) => ({
      caller: p.service('logs.amazonaws.com'),
      call: describe('logs.amazonaws.com', pick(r, ['CreateLogStream', 'DescribeLogGroups', 'DescribeLogStreams']), {
        logGroupName: `/aws/lambda/${pick(r, p.functions).identity.arn as string}`,
      }),
    }),
  },
  {
    weight: 300,
    make: (r, p) => ({
      caller: p.operator(r),
      call: describe('monitoring.amazonaws.com', pick(r, ['GetMetricData', 'DescribeAlarms', 'ListMetrics']), null),
    }),
  },
  {
    weight: 400,
    make: (r, p) => ({
      caller: p.workload(r),
      call: {
        ...describe('ssm.amazonaws.com', pick(r, ['GetParameter', 'GetParameters', 'GetParametersByPath']), {
          name: `/app/${pick(r, ['db/host', 'feature-flags', 'queue-url', 'db/password'])}`,
          withDecryption: r() < 0.3,
        }),
        errors: { share: 0.01, code: 'ParameterNotFound', message: 'Parameter not found' },
      },
    }),
  },
  {
    weight: 100,
    make: (r, p) => ({
      caller: pick(r, p.functions),
      call: describe('secretsmanager.amazonaws.com', 'GetSecretValue', {
        secretId: `prod/${pick(r, ['db', 'stripe', 'smtp'])}`,
      }),
    }),
  },
  {
    weight: 250,
    make: (r, p) => ({
      caller: p.workload(r),
      call: describe(
        'ecr.amazonaws.com',
        pick(r, ['GetAuthorizationToken', 'BatchGetImage', 'GetDownloadUrlForLayer', 'BatchCheckLayerAvailability']),
      ),
    }),
  },
  {
    weight: 200,
    make: (r, p) => ({
      caller: p.workload(r),
      call: {
        source: 'dynamodb.amazonaws.com',
        name: pick(r, ['DescribeTable', 'ListTables']),
        readOnly: true,
        request: { tableName: pick(r, ['orders', 'sessions', 'carts']) },
        errors: { share: 0.03, code: 'ThrottlingException', message: 'Rate exceeded' },
      },
    }),
  },
  {
    weight: 200,
    make: (r, p) => ({
      caller: r() < 0.5 ? p.operator(r) : p.service('cloudformation.amazonaws.com'),
      call: {
        ...describe(
          'lambda.amazonaws.com',
          pick(r, ['GetFunction', 'ListFunctions20150331', 'GetFunctionConfiguration']),
          { functionName: 'orders-handler' },
        ),
        errors: DENIED,
      },
    }),
  },
  {
    weight: 150,
    make: (r, p) => ({
      caller: p.operator(r),
      call: describe('cloudformation.amazonaws.com', pick(r, ['DescribeStacks', 'ListStacks', 'DescribeStackEvents'])),
    }),
  },
  {
    weight: 100,
    make: (r, p) => ({
      caller: p.operator(r),
      call: describe(
        's3.amazonaws.com',
        pick(r, ['ListBuckets', 'GetBucketLocation', 'GetBucketAcl', 'GetBucketPolicy']),
        {
          bucketName: pick(r, BUCKETS),
          Host: 's3.amazonaws.com',
        },
      ),
    }),
  },
  {
    weight: 45,
    make: (r, p) => ({
      caller: p.operator(r),
      call: {
        source: 'ec2.amazonaws.com',
        name: 'CreateTags',
        readOnly: false,
        request: {
          resourcesSet: { items: [{ resourceId: `i-0${hex(r, 16)}` }] },
          tagSet: { items: [{ key: 'team', value: 'search' }] },
        },
        response: { _return: true },
      },
    }),
  },
  {
    weight: 5,
    make: (r, p) => {
      const person = pick(r, p.people);
      return {
        caller: { ...person, agent: CONSOLE_AGENT },
        call: {
          source: 'signin.amazonaws.com',
          name: 'ConsoleLogin',
          readOnly: false,
          request: null,
          response: { ConsoleLogin: 'Success' },
          additional: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' },
        },
      };
    },
  },
];

/** attack records (from the Stratus Red Team detonations) per 10,000 records */
export const ATTACK_SHARE = 50;

const TOTAL = MIX.reduce((sum, entry) => sum + entry.weight, 0) + ATTACK_SHARE;

/** One line on the mix for a bench's results file. */
export function mixSummary(): string {
  return `${MIX.length} kinds of benign call, ${((ATTACK_SHARE / TOTAL) * 100).toFixed(1)}% attack records`;
}

/**
 * Makes record texts for one account: `next(serial, region, time)` gives a benign record's JSON text, or undefined
 * where an attack record goes (the caller copies one of the Stratus records there).
 */
export function accountMix(
  seed: number,
  account: string,
): (region: string, time: string, eventId: string) => string | undefined {
  const rng = seededRandom(seed);
  const principals = new Principals(rng, account);
  return (region, time, eventId) => {
    let roll = rng() * TOTAL;
    if (roll < ATTACK_SHARE) return undefined;
    roll -= ATTACK_SHARE;
    let entry = MIX[0]!;
    for (const candidate of MIX) {
      if (roll < candidate.weight) {
        entry = candidate;
        break;
      }
      roll -= candidate.weight;
    }
    const { caller, call } = entry.make(rng, principals, region);
    const failed = call.errors !== undefined && rng() < call.errors.share;
    const record: Record<string, unknown> = {
      eventVersion: call.data ? '1.10' : '1.09',
      userIdentity: caller.identity,
      eventTime: time,
      eventSource: call.source,
      eventName: call.name,
      awsRegion: region,
      sourceIPAddress: caller.ip,
      userAgent: caller.agent,
      ...(failed ? { errorCode: call.errors!.code, errorMessage: call.errors!.message } : {}),
      requestParameters: call.request,
      responseElements: failed ? null : (call.response ?? null),
      ...(call.additional ? { additionalEventData: call.additional } : {}),
      requestID: `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`.toUpperCase(),
      eventID: eventId,
      readOnly: call.readOnly,
      ...(call.resources ? { resources: call.resources } : {}),
      eventType: 'AwsApiCall',
      managementEvent: !call.data,
      recipientAccountId: account,
      ...(caller.service
        ? { sharedEventID: `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}` }
        : {}),
      eventCategory: call.data ? 'Data' : 'Management',
      ...(caller.service
        ? {}
        : {
            tlsDetails: {
              tlsVersion: 'TLSv1.3',
              cipherSuite: 'TLS_AES_128_GCM_SHA256',
              clientProvidedHostHeader: `${call.source.replace('.amazonaws.com', '')}.${region}.amazonaws.com`,
            },
          }),
    };
    return JSON.stringify(record);
  };
}
