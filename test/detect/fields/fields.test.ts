import { describe, expect, it } from 'vitest';
import type { FieldEvent } from '../../../src/detect/fields/event.ts';
import { FIELDS, resolveField } from '../../../src/detect/fields/table.ts';
import { fixtureRecord, stratusRecords } from '../engine/support.ts';

function read(name: string, record: Record<string, unknown>, arg?: string, num = 7) {
  const resolved = resolveField(name, arg);
  if (!resolved.ok) throw new Error(resolved.message);
  const ev: FieldEvent = { text: JSON.stringify(record), record, num };
  return resolved.field.read(ev);
}

const stratus = stratusRecords();
function stratusRecord(technique: string, index = 0): Record<string, unknown> {
  return JSON.parse((stratus.get(technique) ?? [])[index] as string) as Record<string, unknown>;
}

describe('the field table', () => {
  it('has every field of the cloudtrail plugin (v0.17) and the json plugin', () => {
    const names = new Set(FIELDS.map((f) => f.name));
    const plugin = [
      'ct.id',
      'ct.error',
      'ct.errormessage',
      'ct.time',
      'ct.src',
      'ct.shortsrc',
      'ct.name',
      'ct.user',
      'ct.user.accountid',
      'ct.user.identitytype',
      'ct.user.principalid',
      'ct.user.arn',
      'ct.region',
      'ct.response.subnetid',
      'ct.response.reservationid',
      'ct.response',
      'ct.request.availabilityzone',
      'ct.request.cluster',
      'ct.request.functionname',
      'ct.request.groupname',
      'ct.request.host',
      'ct.request.name',
      'ct.request.policy',
      'ct.request.serialnumber',
      'ct.request.servicename',
      'ct.request.subnetid',
      'ct.request.taskdefinition',
      'ct.request.username',
      'ct.request',
      'ct.srcip',
      'ct.useragent',
      'ct.info',
      'ct.managementevent',
      'ct.readonly',
      'ct.requestid',
      'ct.eventtype',
      'ct.apiversion',
      'ct.resources',
      'ct.recipientaccountid',
      'ct.serviceeventdetails',
      'ct.sharedeventid',
      'ct.vpcendpointid',
      'ct.eventcategory',
      'ct.addendum.reason',
      'ct.addendum.updatedfields',
      'ct.addendum.originalrequestid',
      'ct.addendum.originaleventid',
      'ct.sessioncredentialfromconsole',
      'ct.edgedevicedetails',
      'ct.tlsdetails.tlsversion',
      'ct.tlsdetails.ciphersuite',
      'ct.tlsdetails.clientprovidedhostheader',
      'ct.additionaleventdata',
      's3.uri',
      's3.bucket',
      's3.key',
      's3.bytes',
      's3.bytes.in',
      's3.bytes.out',
      's3.cnt.get',
      's3.cnt.put',
      's3.cnt.other',
      'ec2.name',
      'ec2.imageid',
      'ecr.repository',
      'ecr.imagetag',
      'json.value',
      'jevt.value',
      'json.obj',
      'jevt.obj',
    ];
    expect(plugin.filter((n) => !names.has(n))).toEqual([]);
    expect(FIELDS.every((f) => f.description.length > 10)).toBe(true);
    expect(new Set(FIELDS.map((f) => f.name)).size).toBe(FIELDS.length);
  });

  it('rejects unknown fields, missing or stray arguments and bad pointers', () => {
    expect(resolveField('ct.usr', undefined)).toEqual({
      ok: false,
      message: 'unknown field ct.usr (did you mean ct.user?)',
    });
    expect(resolveField('json.value', undefined)).toEqual({
      ok: false,
      message: 'field json.value needs an argument, e.g. json.value[/eventName]',
    });
    expect(resolveField('ct.name', '/x')).toEqual({ ok: false, message: 'field ct.name takes no argument' });
    expect(resolveField('json.value', 'a/b')).toMatchObject({ ok: false });
    expect(resolveField('json.value', '/a~2b')).toMatchObject({ ok: false });
  });
});

describe('cloudtrail plugin fields on real records', () => {
  const stop = stratusRecord('aws.defense-evasion.cloudtrail-stop');

  it('reads the record envelope', () => {
    expect(read('ct.id', stop)).toBe('10163ed2-2253-469d-a5ee-cbc6651f8934');
    expect(read('ct.name', stop)).toBe('StopLogging');
    expect(read('ct.src', stop)).toBe('cloudtrail.amazonaws.com');
    expect(read('ct.shortsrc', stop)).toBe('cloudtrail');
    expect(read('ct.time', stop)).toBe('2024-07-31T13:06:24Z');
    expect(read('ct.region', stop)).toBe('apiso-centralnorth-2r');
    expect(read('ct.error', stop)).toBeUndefined();
    expect(read('ct.readonly', stop)).toBe('false');
    expect(read('ct.managementevent', stop)).toBe('true');
    expect(read('ct.eventtype', stop)).toBe('AwsApiCall');
    expect(read('ct.eventcategory', stop)).toBe('Management');
    expect(read('ct.recipientaccountid', stop)).toBe('143434273843');
    expect(read('ct.requestid', stop)).toBe('14c891b6-11b5-4787-ae97-64a974977078');
    expect(read('ct.request.name', stop)).toBe('stratus-red-team-ct-stop-trail-buykxbqejv');
    expect(read('ct.request', stop)).toBe('{"name":"stratus-red-team-ct-stop-trail-buykxbqejv"}');
    expect(read('ct.tlsdetails.tlsversion', stop)).toBe('TLSv1.3');
    expect(read('ct.info', stop)).toBe('christophe via 86.245.153.234 → StopLogging');
  });

  it('reads errors of refused calls', () => {
    const refused = stratusRecord('aws.execution.ec2-launch-unusual-instances');
    expect(read('ct.error', refused)).toBe('Client.UnauthorizedOperation');
    expect(read('ct.errormessage', refused)).toMatch(/^You are not authorized to perform this operation/);
    expect(read('ct.info', refused)).toMatch(/ !→ RunInstances$/);
  });

  it('names the user by identity type, as the plugin does', () => {
    const user = fixtureRecord('create-group');
    expect(read('ct.user', user)).toBe('alice');
    expect(read('ct.user', fixtureRecord('console-login-assumed-role'))).toBe(
      'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
    );
    expect(read('ct.user', fixtureRecord('root-invoked-by-service'))).toBeUndefined();
    expect(read('ct.user', fixtureRecord('get-object-access-denied-external'))).toBe('AWSAccount');
    const service = { ...user, userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' } };
    expect(read('ct.user', service)).toBe('cloudtrail.amazonaws.com');
    const noName = { ...user, userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::1:assumed-role/x/y' } };
    expect(read('ct.user', noName)).toBe('AssumedRole');
    expect(read('ct.user.identitytype', user)).toBe('IAMUser');
    expect(read('ct.user.arn', user)).toBe('arn:aws:iam::111122223333:user/alice');
    expect(read('ct.user.accountid', user)).toBe('111122223333');
    expect(read('ct.user.principalid', user)).toBe('AIDAJQABLZS4A3QDU576Q');
  });

  it('guesses readOnly from the event name only when the record has no readOnly', () => {
    const { readOnly: _drop, ...noFlag } = fixtureRecord('create-group');
    expect(read('ct.readonly', noFlag)).toBe('false');
    expect(read('ct.readonly', { ...noFlag, eventName: 'DescribeInstances' })).toBe('true');
    expect(read('ct.readonly', fixtureRecord('get-bucket-policy'))).toBe('true');
  });

  it('reads S3 data event fields', () => {
    const get = fixtureRecord('get-object-external');
    expect(read('s3.bucket', get)).toBe('acme-payroll-exports');
    expect(read('s3.key', get)).toBe('2024/09/payroll.csv');
    expect(read('s3.uri', get)).toBe('s3://acme-payroll-exports/2024/09/payroll.csv');
    expect(read('s3.bytes', get)).toBe(48213);
    expect(read('s3.bytes.in', get)).toBe(0);
    expect(read('s3.bytes.out', get)).toBe(48213);
    expect(read('s3.cnt.get', get)).toBe(1);
    expect(read('s3.cnt.put', get)).toBe(0);
    expect(read('s3.cnt.other', get)).toBe(0);
    expect(read('s3.uri', fixtureRecord('delete-bucket-policy'))).toBeUndefined();
    expect(read('ct.info', get)).toBe(
      'AWSAccount via 203.0.113.10 ← GetObject Size=48213 URI=s3://acme-payroll-exports/2024/09/payroll.csv',
    );
  });

  it('reads EC2 instance fields from RunInstances', () => {
    const run = fixtureRecord('run-instances');
    expect(read('ec2.imageid', run)).toBe('ami-0abcdef1234567890');
    expect(read('ct.response.reservationid', run)).toBe('r-0123456789abcdef0');
    const tagged = {
      ...run,
      requestParameters: {
        tagSpecificationSet: { items: [{ resourceType: 'instance', tags: [{ key: 'Name', value: 'web-1' }] }] },
      },
    };
    expect(read('ec2.name', tagged)).toBe('web-1');
    expect(read('ec2.name', run)).toBeUndefined();
  });

  it('reads any request, response or additional-data key, ignoring case', () => {
    const key = stratusRecord('aws.persistence.iam-backdoor-user');
    expect(read('ct.request.username', key)).toBe('stratus-red-team-backdoor-u-user');
    expect(read('ct.response.accesskey.status', key)).toBe('Active');
    expect(read('ct.response.accesskey', key)).toMatch(/^\{"accessKeyId":"AKIA/);
    expect(read('ct.additionaleventdata.mfaused', stratusRecord('aws.initial-access.console-login-without-mfa'))).toBe(
      'No',
    );
    expect(read('ct.request.nosuchkey', key)).toBeUndefined();
  });
});

describe('json plugin and falco fields', () => {
  const login = stratusRecord('aws.initial-access.console-login-without-mfa');

  it('follows JSON Pointers: strings unquoted, other values as JSON, escapes ~0 ~1', () => {
    expect(read('json.value', login, '/responseElements/ConsoleLogin')).toBe('Success');
    expect(read('jevt.value', login, '/managementEvent')).toBe('true');
    expect(read('json.value', login, '/additionalEventData')).toBe(
      '{"LoginTo":"https://console.aws.amazon.com/console/home","MFAUsed":"No","MobileVersion":"No"}',
    );
    expect(read('json.value', login, '/requestParameters')).toBe('null');
    expect(read('json.value', login, '/nope')).toBeUndefined();
    expect(read('json.value', { 'a/b': { '~c': 1 } }, '/a~1b/~0c')).toBe('1');
    expect(read('json.value', { items: ['x', 'y'] }, '/items/1')).toBe('y');
    expect(read('json.value', { items: ['x'] }, '/items/01')).toBeUndefined();
  });

  it('gives Falco event fields', () => {
    expect(read('evt.num', login, undefined, 42)).toBe(42);
    expect(read('evt.time.iso8601', login)).toBe('2024-08-02T08:53:24.000000000Z');
    expect(read('evt.time', login)).toBe(Date.parse('2024-08-02T08:53:24Z') * 1e6);
    expect(read('evt.source', login)).toBe('aws_cloudtrail');
    expect(read('evt.plugininfo', login)).toBe(read('ct.info', login));
  });
});

describe('cloudwarden verdict fields', () => {
  it('cw.policy.public uses the posture checks policy analysis', () => {
    expect(read('cw.policy.public', fixtureRecord('put-bucket-policy-public'))).toBe(true);
    expect(read('cw.policy.public', fixtureRecord('put-bucket-policy-private'))).toBe(false);
    expect(read('cw.policy.public', fixtureRecord('put-bucket-policy-vpce-only'))).toBe(false);
    const asText = fixtureRecord('put-bucket-policy-public');
    const params = asText.requestParameters as Record<string, unknown>;
    expect(
      read('cw.policy.public', {
        ...asText,
        requestParameters: { ...params, bucketPolicy: JSON.stringify(params.bucketPolicy) },
      }),
    ).toBe(true);
    expect(read('cw.policy.public', fixtureRecord('delete-bucket-policy'))).toBeUndefined();
  });

  it('cw.acl.public sees public grants and canned ACLs', () => {
    expect(read('cw.acl.public', fixtureRecord('put-bucket-acl-public'))).toBe(true);
    expect(read('cw.acl.public', fixtureRecord('put-bucket-acl-canned-public-read'))).toBe(true);
    expect(read('cw.acl.public', fixtureRecord('put-bucket-acl-private'))).toBe(false);
    const header = {
      ...fixtureRecord('put-bucket-acl-private'),
      requestParameters: {
        bucketName: 'b',
        'x-amz-grant-read': ['uri="http://acs.amazonaws.com/groups/global/AllUsers"'],
      },
    };
    expect(read('cw.acl.public', header)).toBe(true);
  });

  it('cw.pab.disabled is true when any of the four settings is off', () => {
    expect(read('cw.pab.disabled', fixtureRecord('put-bucket-public-access-block-off'))).toBe(true);
    expect(read('cw.pab.disabled', fixtureRecord('put-account-public-access-block-off'))).toBe(true);
    expect(read('cw.pab.disabled', fixtureRecord('put-bucket-public-access-block-on'))).toBe(false);
  });

  it('cw.sg.adminport.open covers both request forms, /0 ranges, port ranges and all protocols', () => {
    expect(
      read('cw.sg.adminport.open', stratusRecord('aws.exfiltration.ec2-security-group-open-port-22-ingress')),
    ).toBe(true);
    expect(read('cw.sg.adminport.open', fixtureRecord('authorize-sg-rdp-ipv6-world'))).toBe(true);
    expect(read('cw.sg.adminport.open', fixtureRecord('authorize-sg-ssh-office'))).toBe(false);
    expect(read('cw.sg.adminport.open', fixtureRecord('authorize-sg-https-world'))).toBe(false);
    const all = {
      requestParameters: {
        groupId: 'sg-1',
        ipPermissions: { items: [{ ipProtocol: '-1', ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] },
      },
    };
    expect(read('cw.sg.adminport.open', all)).toBe(true);
    const range = {
      requestParameters: {
        groupId: 'sg-1',
        ipPermissions: {
          items: [{ ipProtocol: 'tcp', fromPort: 1, toPort: 1024, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }],
        },
      },
    };
    expect(read('cw.sg.adminport.open', range)).toBe(true);
  });

  it('cw.trust.external, cw.replication.crossaccount, cw.caller.external, cw.target.otheruser', () => {
    expect(read('cw.trust.external', stratusRecord('aws.persistence.iam-backdoor-role'))).toBe(true);
    expect(read('cw.trust.external', fixtureRecord('update-assume-role-policy-same-account'))).toBe(false);
    expect(read('cw.replication.crossaccount', fixtureRecord('put-bucket-replication-other-account'))).toBe(true);
    expect(read('cw.replication.crossaccount', fixtureRecord('put-bucket-replication-same-account'))).toBe(false);
    expect(read('cw.caller.external', fixtureRecord('get-object-access-denied-external'))).toBe(true);
    expect(read('cw.caller.external', fixtureRecord('get-object-access-denied-internal'))).toBe(false);
    expect(read('cw.target.otheruser', fixtureRecord('create-access-key-self'))).toBe(false);
    expect(read('cw.target.otheruser', stratusRecord('aws.persistence.iam-backdoor-user'))).toBe(true);
  });

  it('cw.lifecycle.expiresall and cw.trail.selectorsreduced', () => {
    expect(read('cw.lifecycle.expiresall', fixtureRecord('put-bucket-lifecycle-expire-all'))).toBe(true);
    expect(read('cw.lifecycle.expiresall', fixtureRecord('put-bucket-lifecycle-tmp-prefix'))).toBe(false);
    // the fewest days of any enabled expiring rule, whatever its filter; the trail-log reading only counts AWSLogs/
    expect(read('cw.lifecycle.expirydays', fixtureRecord('put-bucket-lifecycle-tmp-prefix'))).toBe(7);
    expect(read('cw.lifecycle.logexpirydays', fixtureRecord('put-bucket-lifecycle-tmp-prefix'))).toBeUndefined();
    expect(read('cw.lifecycle.expirydays', fixtureRecord('put-bucket-lifecycle-expire-all'))).toBe(1);
    expect(read('cw.lifecycle.expirydays', fixtureRecord('put-bucket-versioning-suspended'))).toBeUndefined();
    const logs = {
      requestParameters: {
        bucketName: 'audit',
        LifecycleConfiguration: { Rule: { Status: 'Enabled', Prefix: 'AWSLogs/', Expiration: { Days: '45' } } },
      },
    };
    expect(read('cw.lifecycle.logexpirydays', logs)).toBe(45);
    expect(read('cw.trail.selectorsreduced', stratusRecord('aws.defense-evasion.cloudtrail-event-selectors'))).toBe(
      true,
    );
    expect(read('cw.trail.selectorsreduced', fixtureRecord('put-event-selectors-all'))).toBe(false);
    const advanced = {
      requestParameters: {
        trailName: 't',
        advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }] }],
      },
    };
    expect(read('cw.trail.selectorsreduced', advanced)).toBe(true);
  });

  it('cw.share.grantees, cw.share.external and cw.share.public read the grants a request adds, never those it removes', () => {
    const ami = stratusRecord('aws.exfiltration.ec2-share-ami');
    expect(read('cw.share.grantees', ami)).toBe('846424999548');
    expect(read('cw.share.external', ami)).toBe(true);
    expect(read('cw.share.public', ami)).toBe(false);
    const rds = stratusRecord('aws.exfiltration.rds-share-snapshot');
    expect([read('cw.share.grantees', rds), read('cw.share.external', rds)]).toEqual(['503161813013', true]);
    const own = '111122223333';
    const share = (createVolumePermission: unknown) => ({
      recipientAccountId: own,
      requestParameters: { snapshotId: 'snap-1', createVolumePermission },
    });
    const everyone = share({ add: { items: [{ group: 'all' }] } });
    expect([
      read('cw.share.grantees', everyone),
      read('cw.share.external', everyone),
      read('cw.share.public', everyone),
    ]).toEqual(['all', true, true]);
    const ownAndOrg = {
      recipientAccountId: own,
      requestParameters: {
        launchPermission: {
          add: {
            items: [{ userId: own }, { organizationArn: 'arn:aws:organizations::111122223333:organization/o-abc' }],
          },
        },
      },
    };
    expect([read('cw.share.grantees', ownAndOrg), read('cw.share.external', ownAndOrg)]).toEqual([
      `${own},arn:aws:organizations::111122223333:organization/o-abc`,
      false,
    ]);
    const removal = share({ remove: { items: [{ group: 'all' }] } });
    expect([
      read('cw.share.grantees', removal),
      read('cw.share.external', removal),
      read('cw.share.public', removal),
    ]).toEqual([undefined, false, false]);
    const restoreAll = {
      recipientAccountId: own,
      requestParameters: { attributeName: 'restore', valuesToAdd: ['all'] },
    };
    expect(read('cw.share.public', restoreAll)).toBe(true);
    expect(read('cw.share.external', fixtureRecord('create-group'))).toBeUndefined();
  });
});
