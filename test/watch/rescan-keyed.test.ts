/**
 * Change-triggered rescans beyond S3, end to end through the real SDK stack against loopback fakes (SQS, the trail
 * bucket, STS, and EC2's and RDS's query APIs): a security-group event re-collects that one group (DescribeSecurityGroups with
 * its GroupId), re-evaluates the group's checks into the store scoped to it, and notifies; the instance check the
 * same event triggers, which also reads instances, gets a sweep of what it needs in the region; a deleted group is
 * resolved as deleted; failed and read-only calls rescan nothing; a refused read leaves the finding as it was. A DB
 * instance the same way (DescribeDBInstances with its identifier; `DBInstanceNotFound` once deleted).
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { watchCommand } from '../../src/watch/run-watch.ts';
import { ec2Action, ec2Error, ec2SecurityGroupsRoute, type FakeSecurityGroup } from '../aws/fake-ec2-http.ts';
import { callerIdentity, s3ObjectRoute, startFakeAwsServer, type FakeResponse } from '../aws/fake-aws-http.ts';
import { rdsAction, rdsInstancesRoute, type FakeDbInstance } from '../aws/fake-rds-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';
import { startFakeWebhook, type FakeWebhook } from '../aws/fake-webhook-http.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';
import { useExampleCredentials } from '../support/fake-aws-session.ts';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const queueUrl = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/trail-events`;
const trailBucket = 'trail-bucket';
const trailObjects: Record<string, string> = {};
const WEB = 'sg-0a1b2c3d4e5f60718';
const OTHER = 'sg-0fedcba9876543210';
const webArn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${WEB}`;
const otherArn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${OTHER}`;
const CHECK = 'ec2-sg-no-public-admin-ports';

const https = { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'] };
const ssh = { protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] };
const groups: FakeSecurityGroup[] = [];
let deny: FakeResponse | undefined;

/** A CloudTrail record of an EC2 call, as CloudTrail writes them (request parameters in EC2's wire names). */
function ec2Event(id: string, name: string, requestParameters: unknown, extra: Record<string, unknown> = {}) {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', userName: 'mallory', arn: `arn:aws:iam::${ACCOUNT}:user/mallory` },
    eventTime: '2026-11-02T10:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: name,
    awsRegion: REGION,
    sourceIPAddress: '203.0.113.7',
    eventID: id,
    readOnly: name.startsWith('Describe'),
    eventType: 'AwsApiCall',
    recipientAccountId: ACCOUNT,
    requestParameters,
    responseElements: { requestId: `req-${id}`, _return: true },
    ...extra,
  };
}

const sshRule = {
  ipProtocol: 'tcp',
  fromPort: 22,
  toPort: 22,
  groups: {},
  ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
  ipv6Ranges: {},
  prefixListIds: {},
};
const authorize = (id: string, extra: Record<string, unknown> = {}) =>
  ec2Event(id, 'AuthorizeSecurityGroupIngress', { groupId: WEB, ipPermissions: { items: [sshRule] } }, extra);
const revoke = (id: string) =>
  ec2Event(id, 'RevokeSecurityGroupIngress', { groupId: WEB, ipPermissions: { items: [sshRule] } });

let n = 0;
function deliver(queue: FakeSqsQueue, records: unknown[]): void {
  const key = `AWSLogs/${ACCOUNT}/CloudTrail/${REGION}/2026/11/02/${ACCOUNT}_CloudTrail_${REGION}_20261102T1000Z_sg${++n}.json`;
  trailObjects[key] = JSON.stringify({ Records: records });
  queue.send(JSON.stringify({ s3Bucket: trailBucket, s3ObjectKey: [key] }));
}

let aws: Awaited<ReturnType<typeof startFakeAwsServer>>;
let hook: FakeWebhook;
const queue = new FakeSqsQueue(queueUrl, `arn:aws:sqs:${REGION}:${ACCOUNT}:trail-events`);
const ec2 = ec2SecurityGroupsRoute(ACCOUNT, REGION, groups, { deny: () => deny });
const databases: FakeDbInstance[] = [];
const rds = rdsInstancesRoute(ACCOUNT, REGION, databases);

useExampleCredentials();

beforeAll(async () => {
  const trail = s3ObjectRoute(trailBucket, trailObjects);
  aws = await startFakeAwsServer((request) => {
    if (request.method === 'POST' && request.body.includes('Action=GetCallerIdentity')) return callerIdentity(ACCOUNT);
    return queue.route(request) ?? ec2(request) ?? rds(request) ?? trail(request);
  });
  hook = await startFakeWebhook();
});
afterAll(async () => {
  await aws.close();
  await hook.close();
});

let seenBefore = 0;
beforeEach(() => {
  seenBefore = aws.seen.length;
  deny = undefined;
});

/** The EC2 calls of this test: action and the group ids it named, in a stable order. */
function ec2Calls() {
  return aws.seen
    .slice(seenBefore)
    .flatMap((request) => {
      const call = ec2Action(request);
      if (!call) return [];
      const ids = [...call.params.entries()].filter(([k]) => k.startsWith('GroupId.')).map(([, v]) => v);
      return [{ action: call.action, ids }];
    })
    .sort((a, b) => `${a.action} ${a.ids.join()}`.localeCompare(`${b.action} ${b.ids.join()}`));
}

/** The keyed read of the group, and the region sweep for the instance check (its instances and groups). */
const keyedAndSweep = [
  { action: 'DescribeInstances', ids: [] },
  { action: 'DescribeSecurityGroups', ids: [] },
  { action: 'DescribeSecurityGroups', ids: [WEB] },
];

async function watch(db: string, settleMs = 0) {
  let stderr = '';
  const code = await watchCommand(
    {
      queue: `sqs://${queueUrl}`,
      endpointUrl: aws.url,
      region: REGION,
      webhook: hook.url,
      db,
      drain: true,
    },
    {
      stdout: new PassThrough().resume(),
      stderr: { write: (c: string) => (stderr += c) },
      controller: new AbortController(),
      env: {},
      rescanSettleMs: settleMs,
    },
  );
  return { code, stderr };
}

async function findings(db: string) {
  const store = await openStore({ engine: 'sqlite', path: db.slice('sqlite:'.length) });
  try {
    const rows = await store.db
      .selectFrom('findings')
      .select(['check_id', 'resource_arn', 'state', 'verdict'])
      .orderBy('check_id')
      .execute();
    const scans = await store.db.selectFrom('scans').select(['id', 'services', 'checks']).orderBy('id').execute();
    return { rows, scans };
  } finally {
    await store.db.destroy();
  }
}

const notices = (kind: string) => hook.bodies.filter((b) => b.kind === kind && b.body.checkId === CHECK);

describe('watch: change-triggered rescans of EC2 security groups', () => {
  const db = `sqlite:${join(tempDir('cw-rescan-ec2-'), 'store.db')}`;

  it('AuthorizeSecurityGroupIngress opening 22 to 0.0.0.0/0: that group alone is read, its finding opens', async () => {
    groups.push(
      { groupId: WEB, groupName: 'web', vpcId: 'vpc-0123456789abcdef0', ingress: [https, ssh] },
      // open too, but not changed: a rescan of WEB says nothing about it
      { groupId: OTHER, groupName: 'bastion', vpcId: 'vpc-0123456789abcdef0', ingress: [ssh] },
    );
    deliver(queue, [authorize('e-1')]);
    const run = await watch(db);
    expect(run.stderr).toMatch(
      new RegExp(`rescan: ec2 ec2-security-group ${WEB} after AuthorizeSecurityGroupIngress: \\d+ new, 0 resolved`),
    );
    expect(run.stderr).toMatch(
      /rescan: ec2 in us-east-1 \(1 checks\) after AuthorizeSecurityGroupIngress: 0 new, 0 resolved, 0 deleted/,
    );
    expect(run.code).toBe(0);
    expect(ec2Calls()).toEqual(keyedAndSweep);
    const { rows, scans } = await findings(db);
    expect(rows).toContainEqual({ check_id: CHECK, resource_arn: webArn, state: 'open', verdict: 'fail' });
    // the other open group was listed by the sweep, but no check of groups ran there
    expect(rows.every((r) => r.resource_arn === webArn)).toBe(true);
    expect(scans.map((s) => JSON.parse(s.checks) as string[]).sort()).toEqual([
      // the checks a security-group read can decide, nothing else
      ['ec2-default-sg-restricts-all', CHECK],
      ['ec2-instance-admin-ports-use-session-manager'],
    ]);
    expect(scans.map((s) => JSON.parse(s.services) as string[])).toEqual([['ec2'], ['ec2']]);
    expect(notices('finding-new').map((b) => b.body.resource)).toEqual([expect.objectContaining({ arn: webArn })]);
    expect(queue.messages).toHaveLength(0);
  });

  it('RevokeSecurityGroupIngress closing it: the finding is resolved', async () => {
    groups[0]!.ingress = [https];
    deliver(queue, [revoke('e-2')]);
    const run = await watch(db);
    expect(run.code).toBe(0);
    // no check of instances lists RevokeSecurityGroupIngress: the group alone
    expect(ec2Calls()).toEqual([{ action: 'DescribeSecurityGroups', ids: [WEB] }]);
    const { rows } = await findings(db);
    expect(rows).toContainEqual({ check_id: CHECK, resource_arn: webArn, state: 'resolved', verdict: 'pass' });
    expect(rows.some((r) => r.resource_arn === otherArn)).toBe(false);
    expect(notices('finding-resolved')).toHaveLength(1);
  });

  it('two changes of the group in one file are one read (coalesced)', async () => {
    groups[0]!.ingress = [https, ssh];
    deliver(queue, [authorize('e-3'), revoke('e-4'), authorize('e-5')]);
    // settle long enough that the three requests meet before the read (no timing is asserted)
    const run = await watch(db, 2_000);
    expect(run.code).toBe(0);
    // the group's read (three requests) and the instance check's sweep (the two Authorize), each once
    expect(run.stderr).toMatch(/rescans: 2 done, 0 failed, 3 coalesced/);
    expect(ec2Calls()).toEqual(keyedAndSweep);
    expect((await findings(db)).rows).toContainEqual({
      check_id: CHECK,
      resource_arn: webArn,
      state: 'open',
      verdict: 'fail',
    });
  });

  it.each([
    [
      'a failed call (errorCode)',
      authorize('e-6', {
        errorCode: 'Client.UnauthorizedOperation',
        errorMessage: 'You are not authorized to perform this operation.',
      }),
    ],
    ['a failed call (AccessDenied)', authorize('e-7', { errorCode: 'AccessDenied' })],
    ['a read-only call', ec2Event('e-8', 'DescribeSecurityGroups', { groupSet: { items: [{ groupId: WEB }] } })],
  ])('%s rescans nothing', async (_what, record) => {
    deliver(queue, [record]);
    const run = await watch(db);
    expect(run.code).toBe(0);
    expect(ec2Calls()).toEqual([]);
    expect(queue.messages).toHaveLength(0);
  });

  it('a refused read (UnauthorizedOperation) resolves nothing: the finding stays open as it was', async () => {
    groups[0]!.ingress = [https];
    deny = ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
    deliver(queue, [revoke('e-9')]);
    const run = await watch(db);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`${WEB} after RevokeSecurityGroupIngress: unknown \\(UnauthorizedOperation`));
    const { rows } = await findings(db);
    expect(rows).toContainEqual({ check_id: CHECK, resource_arn: webArn, state: 'open', verdict: 'fail' });
    expect(notices('finding-resolved')).toHaveLength(1);
  });

  it('DeleteSecurityGroup: InvalidGroup.NotFound resolves its open findings as deleted', async () => {
    groups.splice(0, 1);
    deliver(queue, [ec2Event('e-10', 'DeleteSecurityGroup', { groupId: WEB })]);
    const run = await watch(db);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`${WEB} after DeleteSecurityGroup: gone, 1 findings resolved as deleted`));
    // a deletion re-reads the group for every check of groups
    expect(ec2Calls()).toEqual([{ action: 'DescribeSecurityGroups', ids: [WEB] }]);
    const { rows } = await findings(db);
    expect(rows).toContainEqual({ check_id: CHECK, resource_arn: webArn, state: 'resolved', verdict: 'deleted' });
  });
});

/** A CloudTrail record of an RDS call (request and response in CloudTrail's camel case). */
function rdsEvent(id: string, name: string, db: string, extra: Record<string, unknown> = {}) {
  return {
    ...ec2Event(id, name, { dBInstanceIdentifier: db, applyImmediately: true, ...extra }),
    eventSource: 'rds.amazonaws.com',
    responseElements: { dBInstanceIdentifier: db, dBInstanceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${db}` },
  };
}

describe('watch: change-triggered rescans of RDS DB instances', () => {
  const db = `sqlite:${join(tempDir('cw-rescan-rds-'), 'store.db')}`;
  const ordersArn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:orders-db`;
  const rdsCalls = () =>
    aws.seen.slice(seenBefore).flatMap((request) => {
      const call = rdsAction(request);
      return call ? [call] : [];
    });
  const publicFinding = async () =>
    (await findings(db)).rows.find((r) => r.check_id === 'rds-instance-not-public' && r.resource_arn === ordersArn);

  it('ModifyDBInstance making it public: that instance alone is read, its finding opens', async () => {
    databases.push(
      { identifier: 'orders-db', publiclyAccessible: true },
      { identifier: 'reports-db', publiclyAccessible: true },
    );
    deliver(queue, [rdsEvent('r-1', 'ModifyDBInstance', 'orders-db', { publiclyAccessible: true })]);
    const run = await watch(db);
    expect(run.code).toBe(0);
    // (Neptune's check of the same call sweeps its clusters: DescribeDBClusters, which this fake does not answer)
    expect(rdsCalls().filter((c) => c.action === 'DescribeDBInstances')).toEqual([
      { action: 'DescribeDBInstances', identifier: 'orders-db' },
    ]);
    expect(await publicFinding()).toMatchObject({ state: 'open', verdict: 'fail' });
    expect((await findings(db)).rows.every((r) => r.resource_arn === ordersArn)).toBe(true);
  });

  it('DeleteDBInstance: DBInstanceNotFound resolves its open findings as deleted', async () => {
    databases.splice(0, 1);
    deliver(queue, [rdsEvent('r-2', 'DeleteDBInstance', 'orders-db', { skipFinalSnapshot: true })]);
    const run = await watch(db);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /rds rds-instance orders-db after DeleteDBInstance: gone, \d+ findings resolved as deleted/,
    );
    expect(await publicFinding()).toMatchObject({ state: 'resolved', verdict: 'deleted' });
  });
});
