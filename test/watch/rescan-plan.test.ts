/**
 * What an event makes `watch` collect again, for every service: matched by the change rule built from the checks'
 * triggers, then planned into keyed reads of the resources it names or sweeps of the service. Records are shaped
 * as CloudTrail writes them for these calls.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { keyedOperations } from '../../src/services/collect-service.ts';
import {
  changeEventNames,
  planRescans,
  rescanRequest,
  type ChangeRescanRequest,
  type RescanTarget,
} from '../../src/watch/rescan-rule.ts';
import { rescanAlertsFor as alertsFor } from './support/rescan-matcher.ts';

/** One line per target: `keyed SERVICE REGION KIND KEY` or `sweep SERVICE REGION CHECKS… (SERVICES…)`. */
function plan(record: Record<string, unknown>): string[] {
  const requests = alertsFor(record).flatMap((a) => {
    const r = rescanRequest(a);
    return r && 'change' in r ? [r] : [];
  });
  return requests
    .flatMap((r: ChangeRescanRequest) => planRescans(r, CHECKS, keyedOperations))
    .map((t: RescanTarget) =>
      'keyed' in t
        ? `keyed ${t.keyed.service} ${t.keyed.region} ${t.keyed.read.kind} ${t.keyed.key}`
        : `sweep ${t.sweep.service} ${t.sweep.region} ${t.sweep.checks.join(' ')} (${t.sweep.services.join(' ')})`,
    );
}

describe('planning rescans from CloudTrail events', () => {
  it.each([
    [
      'a security-group rule change: the group, and the instance check that also reads instances',
      {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'AuthorizeSecurityGroupIngress',
        requestParameters: { groupId: 'sg-0123456789abcdef0', ipPermissions: { items: [] } },
        responseElements: { requestId: 'r', _return: true },
      },
      [
        'keyed ec2 eu-west-1 ec2-security-group sg-0123456789abcdef0',
        'sweep ec2 eu-west-1 ec2-instance-admin-ports-use-session-manager (ec2)',
      ],
    ],
    [
      'RunInstances: each instance it started, ids from the response',
      {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        requestParameters: {
          instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 2 }] },
        },
        responseElements: {
          reservationId: 'r-0123456789abcdef0',
          instancesSet: { items: [{ instanceId: 'i-0aaaaaaaaaaaaaaa1' }, { instanceId: 'i-0aaaaaaaaaaaaaaa2' }] },
        },
      },
      [
        'keyed ec2 eu-west-1 ec2-instance i-0aaaaaaaaaaaaaaa1',
        'keyed ec2 eu-west-1 ec2-instance i-0aaaaaaaaaaaaaaa2',
        'sweep ec2 eu-west-1 ec2-instance-admin-ports-use-session-manager (ec2)',
      ],
    ],
    [
      'ModifyInstanceMetadataOptions: the id inside the request structure EC2 nests',
      {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'ModifyInstanceMetadataOptions',
        requestParameters: {
          ModifyInstanceMetadataOptionsRequest: { InstanceId: 'i-0bbbbbbbbbbbbbbb1', HttpTokens: 'required' },
        },
        responseElements: { ModifyInstanceMetadataOptionsResponse: { instanceId: 'i-0bbbbbbbbbbbbbbb1' } },
      },
      ['keyed ec2 eu-west-1 ec2-instance i-0bbbbbbbbbbbbbbb1'],
    ],
    [
      'ModifyDBInstance: that DB instance',
      {
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-db', multiAZ: true, applyImmediately: true },
        responseElements: { dBInstanceIdentifier: 'orders-db', dBInstanceStatus: 'available' },
      },
      ['keyed rds eu-west-1 rds-instance orders-db'],
    ],
    [
      'DeleteDBInstance: that DB instance, for every check of DB instances',
      {
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-db', skipFinalSnapshot: true },
        responseElements: { dBInstanceIdentifier: 'orders-db', dBInstanceStatus: 'deleting' },
      },
      ['keyed rds eu-west-1 rds-instance orders-db'],
    ],
    [
      'UpdateTrail by ARN: the trail by its name, and the account-wide trail checks in every region',
      {
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'UpdateTrail',
        requestParameters: {
          name: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main',
          enableLogFileValidation: true,
        },
        responseElements: {
          name: 'main',
          trailARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main',
          logFileValidationEnabled: true,
        },
      },
      [
        'keyed cloudtrail eu-west-1 cloudtrail-trail main',
        'sweep cloudtrail * cloudtrail-multi-region-logging cloudtrail-s3-data-events (cloudtrail)',
        'sweep cloudwatch * ' +
          CHECKS.filter((c) => c.service === 'cloudwatch' && c.triggers.includes('UpdateTrail'))
            .map((c) => c.id)
            .join(' ') +
          ' (cloudtrail cloudwatch logs sns)',
      ],
    ],
    [
      'CreateAccessKey: IAM has no keyed read, it is swept once (global)',
      {
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        requestParameters: { userName: 'deploy' },
        responseElements: { accessKey: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 'Active', userName: 'deploy' } },
      },
      [
        'sweep iam global ' +
          CHECKS.filter((c) => c.service === 'iam' && c.triggers.includes('CreateAccessKey'))
            .map((c) => c.id)
            .join(' ') +
          ' (iam)',
      ],
    ],
    [
      'EnableKeyRotation: KMS is swept in the event region',
      {
        eventSource: 'kms.amazonaws.com',
        eventName: 'EnableKeyRotation',
        requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
        responseElements: null,
      },
      ['sweep kms eu-west-1 kms-key-rotation-enabled (kms)'],
    ],
    [
      'PutAccountPublicAccessBlock: S3 swept without its buckets, for its account check',
      {
        eventSource: 's3.amazonaws.com',
        eventName: 'PutAccountPublicAccessBlock',
        requestParameters: { PublicAccessBlockConfiguration: { BlockPublicAcls: true }, Host: 's3-control' },
        responseElements: null,
      },
      ['sweep s3 global s3-account-public-access-block (s3)'],
    ],
  ])('%s', (_what, record, expected) => {
    // the services a row names: a check of another service listing the same call (Neptune's, on the RDS API) adds
    // its own sweep, which its service's tests answer for
    const services = new Set(expected.map((line) => line.split(' ')[1]));
    expect(plan(record).filter((line) => services.has(line.split(' ')[1]))).toEqual(expected);
  });

  it.each([
    [
      'a failed call',
      {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'AuthorizeSecurityGroupIngress',
        errorCode: 'Client.UnauthorizedOperation',
        requestParameters: { groupId: 'sg-0123456789abcdef0' },
      },
    ],
    [
      'a read-only call',
      {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'DescribeSecurityGroups',
        requestParameters: { groupSet: { items: [{ groupId: 'sg-0123456789abcdef0' }] } },
      },
    ],
    // the bucket rule takes it (the bucket's checks); the CloudTrail check that lists it waits for the next scan
    [
      'a bucket call',
      { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy', requestParameters: { bucketName: 'b' } },
    ],
  ])('%s: no change rescan', (_what, record) => {
    expect(plan(record)).toEqual([]);
  });

  it('every check trigger but the bucket checks’ is a name the change rule takes', () => {
    const names = new Set(changeEventNames(CHECKS));
    const bucketNames = new Set(
      CHECKS.filter((c) => c.resource === 's3-bucket').flatMap((c) => [...c.triggers, 'DeleteBucket']),
    );
    const missing = CHECKS.filter((c) => c.resource !== 's3-bucket')
      .flatMap((c) => c.triggers.map((t) => [c, t] as const))
      // a bucket call acts on S3's own checks only
      .filter(([c, t]) => !names.has(t) && !(bucketNames.has(t) && c.service !== 's3'));
    expect(missing).toEqual([]);
    expect(names.has('DeleteSecurityGroup')).toBe(true);
  });
});
