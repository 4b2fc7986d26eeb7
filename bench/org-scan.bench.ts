// `npm run bench -- org-scan` (BENCH_ACCOUNTS, BENCH_CONCURRENCY to change the size): an organization scan of
// 50 accounts x 17 regions (EC2/VPC and CloudTrail) through `collectOrganization`, every AWS call answering after
// 50 ms, 5% of attempts answered with a throttling error and retried after a jittered backoff (as the SDK's
// retry strategy does, holding the caller's slot), one call limit shared by every account.
// Clients are real SDK clients whose `send` is replaced (no HTTP, no signing): what is measured is the
// scheduler, the shared limit, the collectors and the snapshot assembly. Ideal = attempts x latency / concurrency.
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { EC2Client } from '@aws-sdk/client-ec2';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { writeFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import { AwsClients } from '../src/aws/clients.ts';
import cloudtrailCollector from '../src/services/cloudtrail/index.ts';
import ec2Collector from '../src/services/ec2/index.ts';
import { collectOrganization } from '../src/collect/organization-scan.ts';
import { validateSnapshot } from '../src/model/snapshot.ts';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const LATENCY_MS = 50;
const THROTTLE_RATE = 0.05;
const TARGET_RATIO = 1.3;
const RSS_LIMIT_MB = 500;
const REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let attempts = 0;
let throttles = 0;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function answer(command: string, input: Record<string, unknown>): object {
  switch (command) {
    case 'AssumeRoleCommand':
      return {
        Credentials: {
          AccessKeyId: 'ASIABENCH',
          SecretAccessKey: 'bench',
          SessionToken: 'token',
          Expiration: new Date(Date.now() + 3_600_000),
        },
      };
    case 'GetCallerIdentityCommand':
      return { Account: '999999999999', Arn: 'arn:aws:iam::999999999999:user/bench', UserId: 'AIDABENCH' };
    case 'DescribeNetworkAclsCommand':
      return {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-0bench',
            VpcId: 'vpc-0bench',
            IsDefault: true,
            Entries: [{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }],
          },
        ],
      };
    case 'DescribeSecurityGroupsCommand':
      return {
        SecurityGroups: [
          {
            GroupId: 'sg-0bench',
            GroupName: 'default',
            VpcId: 'vpc-0bench',
            IpPermissions: [],
            IpPermissionsEgress: [],
          },
        ],
      };
    case 'DescribeInstancesCommand':
      return { Reservations: [] };
    case 'DescribeVpcsCommand':
      return { Vpcs: [{ VpcId: 'vpc-0bench', IsDefault: true }] };
    case 'DescribeFlowLogsCommand':
      return { FlowLogs: [] };
    case 'DescribeImagesCommand':
      return { Images: [] };
    case 'DescribeSnapshotsCommand':
      return { Snapshots: [] };
    case 'DescribeVolumesCommand':
      return { Volumes: [] };
    case 'GetEbsEncryptionByDefaultCommand':
      return { EbsEncryptionByDefault: true };
    case 'GetInstanceMetadataDefaultsCommand':
      return { AccountLevel: {} };
    case 'DescribeTrailsCommand':
      return {
        trailList: [
          {
            Name: 'org',
            TrailARN: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org',
            HomeRegion: 'us-east-1',
            IsMultiRegionTrail: true,
          },
        ],
      };
    case 'GetTrailStatusCommand':
      return { IsLogging: true };
    case 'GetEventSelectorsCommand':
      return { TrailARN: input.TrailName, EventSelectors: [] };
    default:
      throw new Error(`bench has no answer for ${command}`);
  }
}

/** Every client answers after the latency; a throttled attempt waits a jittered backoff and is tried again. */
for (const ctor of [EC2Client, CloudTrailClient, STSClient, OrganizationsClient]) {
  (ctor.prototype as { send: unknown }).send = async function send(command: {
    constructor: { name: string };
    input: Record<string, unknown>;
  }) {
    for (let attempt = 0; ; attempt += 1) {
      attempts += 1;
      await sleep(LATENCY_MS);
      if (Math.random() >= THROTTLE_RATE)
        return { ...answer(command.constructor.name, command.input), $metadata: { attempts: attempt + 1 } };
      throttles += 1;
      // the SDK's standard strategy: a random delay up to 100 ms x 2^attempt before the retry
      await sleep(Math.random() * 100 * 2 ** attempt);
    }
  };
}

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => String(100000000000 + i));
const base = await AwsClients.create({
  homeRegion: 'us-east-1',
  credentials: async () => ({ accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' }),
});
const limit = pLimit(CONCURRENCY);
const started = performance.now();
const scan = await collectOrganization(base, {
  accountIds,
  assume: { roleName: 'OrganizationAccountAccessRole', partition: 'aws', sessionName: 'cloudwarden-scan-bench' },
  clientOptions: {},
  services: [ec2Collector, cloudtrailCollector],
  regions: REGIONS,
  limit: <T>(fn: () => Promise<T>) => limit(fn),
});
const wallMs = performance.now() - started;
clearInterval(sampler);
base.destroy();
for (const snapshot of scan.snapshots) validateSnapshot(JSON.parse(JSON.stringify(snapshot)));

const idealMs = (attempts * LATENCY_MS) / CONCURRENCY;
const ratio = wallMs / idealMs;
const rssMb = peakRss / 1024 / 1024;
const ok =
  ratio <= TARGET_RATIO && rssMb < RSS_LIMIT_MB && scan.failures.length === 0 && scan.snapshots.length === ACCOUNTS;
const lines = [
  '# org-scan benchmark',
  '',
  `${ACCOUNTS} accounts x ${REGIONS.length} regions, EC2/VPC + CloudTrail, ${LATENCY_MS} ms per call, ${THROTTLE_RATE * 100}% of attempts throttled and retried with a jittered backoff, one limit of ${CONCURRENCY} calls in flight shared by every account. Node ${process.version}.`,
  '',
  '| accounts scanned | attempts (calls incl. retries) | throttled | wall time | ideal (attempts x latency / concurrency) | ratio | peak RSS |',
  '|---|---|---|---|---|---|---|',
  `| ${scan.snapshots.length}/${ACCOUNTS} | ${attempts} | ${throttles} | ${(wallMs / 1000).toFixed(2)} s | ${(idealMs / 1000).toFixed(2)} s | ${ratio.toFixed(3)} | ${rssMb.toFixed(0)} MB |`,
  '',
  `Target: ratio <= ${TARGET_RATIO}, peak RSS < ${RSS_LIMIT_MB} MB: ${ok ? 'met' : 'NOT met'}.`,
  'The backoff of throttled attempts is time a slot is held without a call in flight, so it is the part of the wall time above the ideal.',
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
await writeFile(new URL('./results/org-scan.md', import.meta.url), lines.join('\n'));
if (!ok) process.exitCode = 1;
