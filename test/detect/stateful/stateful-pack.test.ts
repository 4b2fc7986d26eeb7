// The built-in stateful pack: each rule fires on a hostile pattern of real-shaped events (written here, and the
// Stratus Red Team records) and stays quiet on benign lookalikes: an application reading its one secret every minute,
// the same burst refused with AccessDenied, an AWS service acting for a stack, an instance using its own credentials.
import { describe, expect, it } from 'vitest';
import { failedWithAccessDenied, stratusRecords } from '../engine/support.ts';
import { ACCOUNT, builtinRules, byService, cloudTrailRecord, type CtRecord } from '../packs/pack-cases.ts';
import { at, StatefulRun } from './support.ts';

const refused = (record: CtRecord) => JSON.parse(failedWithAccessDenied(record)) as CtRecord;

const BULK_SECRETS = 'Secrets Manager Secrets Read In Bulk';
const BATCH = 'Secrets Manager Secrets Batch-Retrieved Repeatedly';
const SSM_BULK = 'SSM SecureString Parameters Decrypted In Bulk';
const NEW_ADDRESS = 'EC2 Instance Credentials Used From A New Address';
const ACCESSED = 'EC2 Instance Credentials Used From An Address That Accessed Instances';
const STATEFUL_RULES = [BULK_SECRETS, BATCH, SSM_BULK, NEW_ADDRESS, ACCESSED];
/** the stateful pack's alerts (the one-event packs alert on some of these records too: SendCommand is compute.yaml's) */
const fire = (records: CtRecord[]) =>
  new StatefulRun(builtinRules)
    .feed(records)
    .map((a) => a.rule)
    .filter((rule) => STATEFUL_RULES.includes(rule));

const secretArn = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-AbCdEf`;
const getSecret = (name: string, second: number, extra: CtRecord = {}) =>
  cloudTrailRecord('secretsmanager.amazonaws.com', 'GetSecretValue', { secretId: secretArn(name) }, null, {
    eventTime: at(second),
    readOnly: true,
    ...extra,
  });
const batchGet = (second: number, params: unknown = { filters: [{ key: 'tag-key', values: ['team'] }] }) =>
  cloudTrailRecord('secretsmanager.amazonaws.com', 'BatchGetSecretValue', params, null, {
    eventTime: at(second),
    readOnly: true,
  });
const getParameters = (names: string[], second: number, withDecryption = true) =>
  cloudTrailRecord('ssm.amazonaws.com', 'GetParameters', { names, withDecryption }, null, {
    eventTime: at(second),
    readOnly: true,
  });
const getParameter = (name: string, second: number) =>
  cloudTrailRecord('ssm.amazonaws.com', 'GetParameter', { name, withDecryption: true }, null, {
    eventTime: at(second),
    readOnly: true,
  });

const appRole = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEAPPROLE:billing-task',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/billing/billing-task`,
  accountId: ACCOUNT,
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLEAPPROLE',
      arn: `arn:aws:iam::${ACCOUNT}:role/billing`,
      accountId: ACCOUNT,
      userName: 'billing',
    },
  },
};

const INSTANCE = 'i-0a1b2c3d4e5f60718';
const instanceIdentity = {
  type: 'AssumedRole',
  principalId: `AROAEXAMPLEWEBROLE:${INSTANCE}`,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/web/${INSTANCE}`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEINSTANCE1',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLEWEBROLE',
      arn: `arn:aws:iam::${ACCOUNT}:role/web`,
      accountId: ACCOUNT,
      userName: 'web',
    },
    attributes: { creationDate: '2024-09-12T09:00:00Z', mfaAuthenticated: 'false' },
    ec2RoleDelivery: '2.0',
  },
};
const INSTANCE_IP = '198.51.100.7';
const OPERATOR_IP = '203.0.113.10';
const ATTACKER_IP = '192.0.2.200';
const asInstance = (eventSource: string, eventName: string, second: number, ip: string, extra: CtRecord = {}) =>
  cloudTrailRecord(eventSource, eventName, null, null, {
    eventTime: at(second),
    userIdentity: instanceIdentity,
    sourceIPAddress: ip,
    readOnly: true,
    ...extra,
  });
const sendCommand = (second: number, extra: CtRecord = {}) =>
  cloudTrailRecord(
    'ssm.amazonaws.com',
    'SendCommand',
    { documentName: 'AWS-RunShellScript', instanceIds: [INSTANCE], parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
    { command: { commandId: 'c0ffee00-0000-4000-8000-000000000001' } },
    {
      eventTime: at(second),
      sourceIPAddress: OPERATOR_IP,
      ...extra,
    },
  );

const twelveSecrets = Array.from({ length: 12 }, (_, i) => getSecret(`app/secret-${i}`, i * 5));

describe('built-in pack stateful.yaml', () => {
  it('holds exactly these rules, all stateful, each tagged with MITRE and its Stratus technique', () => {
    const rules = builtinRules.rules.filter((r) => r.file === 'builtin:stateful.yaml');
    expect(rules.map((r) => r.name).sort()).toEqual([...STATEFUL_RULES].sort());
    for (const rule of rules) {
      expect(rule.stateful, rule.name).toBeDefined();
      expect(
        rule.tags.some((t) => /^T\d{4}/.test(t)),
        rule.name,
      ).toBe(true);
      expect(rule.tags, rule.name).toContain('mitre_credential_access');
      expect(
        rule.tags.some((t) => t.startsWith('stratus_aws.credential-access.')),
        rule.name,
      ).toBe(true);
    }
  });

  const techniques: [string, string][] = [
    ['aws.credential-access.secretsmanager-retrieve-secrets', BULK_SECRETS],
    ['aws.credential-access.secretsmanager-batch-retrieve-secrets', BATCH],
    ['aws.credential-access.ssm-retrieve-securestring-parameters', SSM_BULK],
    ['aws.credential-access.ec2-steal-instance-credentials', ACCESSED],
  ];
  it.each(techniques)('the Stratus Red Team records of %s raise one alert naming the technique', (technique, rule) => {
    const records = (stratusRecords().get(technique) ?? []).map((l) => JSON.parse(l) as CtRecord);
    // as CloudTrail delivers them: in time order
    records.sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
    const alerts = new StatefulRun(builtinRules).feed(records).filter((a) => STATEFUL_RULES.includes(a.rule));
    expect(alerts.map((a) => a.rule)).toEqual([rule]);
    expect(alerts[0]?.tags).toContain(`stratus_${technique}`);
  });

  describe(BULK_SECRETS, () => {
    it('fires once when one principal reads 10 different secrets within 5 minutes, with the count', () => {
      const alerts = new StatefulRun(builtinRules).feed(twelveSecrets).filter((a) => a.rule === BULK_SECRETS);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.time).toBe(at(45));
      expect(alerts[0]?.output_fields['cloudwarden.count']).toBe(10);
      expect(alerts[0]?.output).toContain('[10 distinct values by one key within 5m]');
    });
    it('stays quiet for an application reading its one secret every few seconds', () => {
      expect(
        fire(Array.from({ length: 100 }, (_, i) => getSecret('billing/db', i * 3, { userIdentity: appRole }))),
      ).not.toContain(BULK_SECRETS);
    });
    it('stays quiet when the same burst was refused with AccessDenied', () => {
      expect(fire(twelveSecrets.map(refused))).not.toContain(BULK_SECRETS);
    });
    it('stays quiet when CloudFormation resolves the secrets of a stack', () => {
      expect(fire(twelveSecrets.map((r) => byService(r)))).not.toContain(BULK_SECRETS);
    });
    it('stays quiet when the reads are spread over more than the window', () => {
      expect(fire(Array.from({ length: 12 }, (_, i) => getSecret(`app/secret-${i}`, i * 40)))).not.toContain(
        BULK_SECRETS,
      );
    });
    it('counts each principal on its own', () => {
      const split = twelveSecrets.map((r, i) => (i % 2 === 0 ? r : { ...r, userIdentity: appRole }));
      expect(fire(split)).not.toContain(BULK_SECRETS);
    });
  });

  describe(BATCH, () => {
    it('fires when one principal pages through BatchGetSecretValue', () => {
      expect(fire([batchGet(0), batchGet(1), batchGet(2)])).toEqual([BATCH]);
    });
    it('stays quiet for an application fetching its list of secrets once a minute', () => {
      const list = { secretIdList: [secretArn('billing/db'), secretArn('billing/api')] };
      expect(fire(Array.from({ length: 10 }, (_, i) => batchGet(i * 60, list)))).not.toContain(BATCH);
    });
    it('stays quiet when the calls were refused with AccessDenied', () => {
      expect(fire([batchGet(0), batchGet(1), batchGet(2)].map(refused))).not.toContain(BATCH);
    });
  });

  describe(SSM_BULK, () => {
    const names = (from: number) => Array.from({ length: 5 }, (_, i) => `/prod/db/password-${from + i}`);
    it('fires when 10 different parameters are decrypted within 5 minutes, each name of GetParameters counting', () => {
      expect(fire([getParameters(names(0), 0), getParameters(names(5), 2)])).toEqual([SSM_BULK]);
    });
    it('counts GetParameter calls as well', () => {
      expect(fire(Array.from({ length: 10 }, (_, i) => getParameter(`/prod/key-${i}`, i)))).toEqual([SSM_BULK]);
    });
    it('stays quiet for an application reading its own parameter every few seconds', () => {
      expect(fire(Array.from({ length: 50 }, (_, i) => getParameter('/billing/db-password', i * 5)))).not.toContain(
        SSM_BULK,
      );
    });
    it('stays quiet without decryption (no secret returned)', () => {
      expect(fire([getParameters(names(0), 0, false), getParameters(names(5), 2, false)])).not.toContain(SSM_BULK);
    });
    it('stays quiet when the reads were refused with AccessDenied', () => {
      expect(fire([getParameters(names(0), 0), getParameters(names(5), 2)].map(refused))).not.toContain(SSM_BULK);
    });
  });

  describe(NEW_ADDRESS, () => {
    const usual = Array.from({ length: 5 }, (_, i) =>
      asInstance('ssm.amazonaws.com', 'UpdateInstanceInformation', i * 300, INSTANCE_IP),
    );
    it('fires when a session that called from its own address calls from another one', () => {
      const alerts = new StatefulRun(builtinRules).feed([
        ...usual,
        asInstance('sts.amazonaws.com', 'GetCallerIdentity', 2000, ATTACKER_IP),
      ]);
      expect(alerts.map((a) => a.rule)).toEqual([NEW_ADDRESS]);
      expect(alerts[0]?.output_fields['ct.srcip']).toBe(ATTACKER_IP);
    });
    it('fires on a refused call too: the credentials are out either way', () => {
      expect(fire([...usual, refused(asInstance('iam.amazonaws.com', 'ListUsers', 2000, ATTACKER_IP))])).toContain(
        NEW_ADDRESS,
      );
    });
    it('stays quiet while the instance calls from its own address', () => {
      expect(fire([...usual, ...usual.map((r, i) => ({ ...r, eventTime: at(3000 + i) }))])).toEqual([]);
    });
    it('learns the first address of each instance session instead of alerting on it', () => {
      expect(fire([asInstance('sts.amazonaws.com', 'GetCallerIdentity', 0, ATTACKER_IP)])).not.toContain(NEW_ADDRESS);
    });
    it('stays quiet for an AWS service acting with the role, and for calls through AWS', () => {
      const service = {
        ...asInstance('kms.amazonaws.com', 'Decrypt', 2000, 'ec2.amazonaws.com'),
        userIdentity: { ...instanceIdentity, invokedBy: 'ec2.amazonaws.com' },
      };
      expect(fire([...usual, service, asInstance('s3.amazonaws.com', 'GetObject', 2001, 'AWS Internal')])).toEqual([]);
    });
    it("stays quiet for a person's role session from a new address (not instance credentials)", () => {
      const person = (ip: string, second: number) => ({
        ...asInstance('ec2.amazonaws.com', 'DescribeInstances', second, ip),
        userIdentity: appRole,
      });
      expect(fire([person(INSTANCE_IP, 0), person(ATTACKER_IP, 60)])).toEqual([]);
    });
  });

  describe(ACCESSED, () => {
    it('fires when an address that sent a command uses instance credentials within the hour, once', () => {
      const alerts = new StatefulRun(builtinRules)
        .feed([
          sendCommand(0),
          asInstance('sts.amazonaws.com', 'GetCallerIdentity', 600, OPERATOR_IP),
          asInstance('ec2.amazonaws.com', 'DescribeInstances', 601, OPERATOR_IP),
        ])
        .filter((a) => STATEFUL_RULES.includes(a.rule));
      expect(alerts.map((a) => a.rule)).toEqual([ACCESSED]);
      expect(alerts[0]?.output_fields['cloudwarden.first_time']).toBe(at(0));
    });
    it('stays quiet when the instance uses its credentials from its own address after a command', () => {
      expect(
        fire([sendCommand(0), asInstance('ssm.amazonaws.com', 'UpdateInstanceInformation', 60, INSTANCE_IP)]),
      ).toEqual([]);
    });
    it('stays quiet when the command was refused with AccessDenied', () => {
      expect(
        fire([refused(sendCommand(0)), asInstance('sts.amazonaws.com', 'GetCallerIdentity', 600, OPERATOR_IP)]),
      ).toEqual([]);
    });
    it('stays quiet after more than an hour, and when the credentials came first', () => {
      expect(fire([sendCommand(0), asInstance('sts.amazonaws.com', 'GetCallerIdentity', 3700, OPERATOR_IP)])).toEqual(
        [],
      );
      expect(fire([asInstance('sts.amazonaws.com', 'GetCallerIdentity', 0, OPERATOR_IP), sendCommand(10)])).toEqual([]);
    });
    it('stays quiet for an automation instance that commands others with its own credentials', () => {
      const fromInstance = sendCommand(0, { userIdentity: instanceIdentity, sourceIPAddress: INSTANCE_IP });
      expect(fire([fromInstance, asInstance('ssm.amazonaws.com', 'ListCommandInvocations', 60, INSTANCE_IP)])).toEqual(
        [],
      );
    });
  });
});
