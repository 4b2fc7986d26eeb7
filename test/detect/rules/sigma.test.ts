import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  loadRules,
  loadRulesFromSources,
  validateRuleFiles,
} from '../../../src/detect/engine/index.ts';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { engineRecipe } from '../../../src/detect/pipeline/matcher-recipe.ts';
import { runDetection, type DetectionUnit } from '../../../src/detect/pipeline/run-detection.ts';
import { parseSigmaCondition } from '../../../src/detect/rules/sigma/sigma-condition.ts';
import { UserError } from '../../../src/errors.ts';
import { alertsOf, failedWithAccessDenied, firedRules } from '../engine/support.ts';

const SIGMA = fileURLToPath(new URL('../../fixtures/detect/sigma/', import.meta.url));

/** A CloudTrail record as AWS writes it: an IAM user's successful call from a public address. */
function record(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEUSERID1234',
      arn: 'arn:aws:iam::111122223333:user/mallory',
      accountId: '111122223333',
      userName: 'mallory',
    },
    eventTime: '2024-07-25T10:00:00Z',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1',
    requestParameters: null,
    responseElements: null,
    requestID: 'b7a1c9f0-6f3e-4a55-9d8e-0c2b4e6f8a10',
    eventID: '0d4f1c77-2b3a-4e5f-8a9b-1c2d3e4f5a6b',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...fields,
  };
}

const line = (fields: Record<string, unknown>) => JSON.stringify(record(fields));

const stopLogging = record({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' },
});
const publicPolicy = (principal: unknown) =>
  record({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    requestParameters: {
      bucketName: 'customer-exports',
      bucketPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Read',
            Effect: 'Allow',
            Principal: principal,
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::customer-exports/*',
          },
        ],
      },
      Host: 'customer-exports.s3.amazonaws.com',
    },
  });
const consoleLogin = (extra: Record<string, unknown>, identity?: Record<string, unknown>) =>
  record({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home',
      MobileVersion: 'No',
      MFAUsed: 'No',
      ...extra,
    },
    ...(identity ? { userIdentity: identity } : {}),
  });
const attachPolicy = (policyArn: string) =>
  record({
    eventSource: 'iam.amazonaws.com',
    eventName: 'AttachUserPolicy',
    requestParameters: { userName: 'backdoor', policyArn },
  });
const getSecret = (secretId: string, ip = '198.51.100.7') =>
  record({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    readOnly: true,
    sourceIPAddress: ip,
    requestParameters: { secretId },
  });
const createPolicy = (document: object) =>
  record({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreatePolicy',
    requestParameters: { policyName: 'ops', policyDocument: JSON.stringify(document) },
  });
const root = {
  type: 'Root',
  principalId: '111122223333',
  arn: 'arn:aws:iam::111122223333:root',
  accountId: '111122223333',
};

describe('Sigma rules for CloudTrail (test/fixtures/detect/sigma/rules)', async () => {
  const loaded = await loadRules({ builtin: false, files: [join(SIGMA, 'rules')] });
  const matcher = compileMatcher(loaded);
  const fired = (r: Record<string, unknown>) => firedRules(matcher, JSON.stringify(r));

  it('loads every rule with its title, id, tags and level mapped to a Falco priority', () => {
    expect(loaded.skipped).toEqual([]);
    const byName = new Map(loaded.rules.map((r) => [r.name, r]));
    expect(byName.get('CloudTrail Trail Stopped or Deleted')).toMatchObject({
      priority: 'CRITICAL',
      id: '3f0e7a52-8c1d-4b6e-9f2a-5d4c3b2a1e09',
      tags: ['attack.defense-evasion', 'attack.t1562.008'],
      declaredSource: 'sigma',
      line: 1,
    });
    expect(byName.get('S3 Bucket Policy Grants Everyone')?.priority).toBe('ERROR');
    expect(byName.get('Console Login Without MFA')?.priority).toBe('WARNING');
    expect(byName.get('S3 Bucket Deleted')?.priority).toBe('NOTICE');
    // pinned by event name: records of other calls are skipped unparsed, as for Falco rules
    expect(byName.get('CloudTrail Trail Stopped or Deleted')?.pins.names).toEqual(
      new Set(['StopLogging', 'DeleteTrail']),
    );
    expect(byName.get('CloudTrail Trail Stopped or Deleted')?.pins.sources).toEqual(
      new Set(['cloudtrail.amazonaws.com']),
    );
  });

  it("alerts in Falco's shape: output from the title and key fields, the rule's fields as output fields", () => {
    const [alert] = alertsOf(matcher, JSON.stringify(stopLogging));
    expect(alert).toEqual({
      time: '2024-07-25T10:00:00Z',
      rule: 'CloudTrail Trail Stopped or Deleted',
      priority: 'CRITICAL',
      output:
        'CloudTrail Trail Stopped or Deleted (user=mallory user_type=IAMUser event=StopLogging source=cloudtrail.amazonaws.com src_ip=198.51.100.7 region=us-east-1 account=111122223333 requestParameters.name=arn:aws:cloudtrail:us-east-1:111122223333:trail/main)',
      tags: ['attack.defense-evasion', 'attack.t1562.008'],
      source: 'aws_cloudtrail',
      output_fields: {
        'ct.user': 'mallory',
        'ct.user.identitytype': 'IAMUser',
        'ct.name': 'StopLogging',
        'ct.src': 'cloudtrail.amazonaws.com',
        'ct.srcip': '198.51.100.7',
        'ct.region': 'us-east-1',
        'ct.recipientaccountid': '111122223333',
        'requestParameters.name': 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main',
      },
      eventID: '0d4f1c77-2b3a-4e5f-8a9b-1c2d3e4f5a6b',
      eventName: 'StopLogging',
      awsRegion: 'us-east-1',
      recipientAccountId: '111122223333',
    } satisfies Alert);
  });

  it('value lists are OR, |exists and not: a trail stopped or deleted fires, the same call refused does not', () => {
    expect(fired(stopLogging)).toEqual(['CloudTrail Trail Stopped or Deleted']);
    expect(fired({ ...stopLogging, eventName: 'DeleteTrail' })).toEqual(['CloudTrail Trail Stopped or Deleted']);
    expect(firedRules(matcher, failedWithAccessDenied(stopLogging))).toEqual([]);
    // a read-only call of the same service, and the same name from another service
    expect(fired({ ...stopLogging, eventName: 'GetTrailStatus', readOnly: true })).toEqual([]);
    expect(fired({ ...stopLogging, eventSource: 'cloudtrail-data.amazonaws.com' })).toEqual([]);
  });

  it('event names and sources are compared as AWS writes them (documented departure from case-insensitive Sigma)', () => {
    expect(fired({ ...stopLogging, eventName: 'stoplogging' })).toEqual([]);
  });

  it('a backslash-escaped * is a literal star, reached through an array of statements; 1 of principal_*', () => {
    expect(fired(publicPolicy('*'))).toEqual(['S3 Bucket Policy Grants Everyone']);
    expect(fired(publicPolicy({ AWS: '*' }))).toEqual(['S3 Bucket Policy Grants Everyone']);
    // a private target: one account's role, which an unescaped * would have matched
    expect(fired(publicPolicy({ AWS: 'arn:aws:iam::444455556666:role/reader' }))).toEqual([]);
    expect(fired(publicPolicy({ Service: 'cloudtrail.amazonaws.com' }))).toEqual([]);
  });

  it('strings compare ignoring case; a list of maps ORs them; a federated login is not "without MFA"', () => {
    expect(fired(consoleLogin({}))).toEqual(['Console Login Without MFA']);
    // MFAUsed "No" against the rule's 'no': Sigma compares ignoring case
    expect(fired(consoleLogin({ MFAUsed: 'Yes' }))).toEqual([]);
    expect(fired(consoleLogin({ SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta' }))).toEqual([]);
    const federated = {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:alice@example.com',
      arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin/alice@example.com',
      accountId: '111122223333',
    };
    expect(fired(consoleLogin({}, federated))).toEqual([]);
    expect(fired({ ...consoleLogin({}), responseElements: { ConsoleLogin: 'Failure' } })).toEqual([]);
  });

  it('|startswith, |endswith|cased and a bare "*" (any value): AdministratorAccess attached, not a lookalike or a refused call', () => {
    expect(fired(attachPolicy('arn:aws:iam::aws:policy/AdministratorAccess'))).toEqual([
      'AdministratorAccess Attached',
    ]);
    expect(
      fired({ ...attachPolicy('arn:aws:iam::aws:policy/AdministratorAccess'), eventName: 'AttachRolePolicy' }),
    ).toEqual(['AdministratorAccess Attached']);
    // |cased: a customer policy spelt in lower case is another policy
    expect(fired(attachPolicy('arn:aws:iam::111122223333:policy/administratoraccess'))).toEqual([]);
    expect(fired(attachPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess'))).toEqual([]);
    expect(
      fired({ ...attachPolicy('arn:aws:iam::aws:policy/AdministratorAccess'), eventName: 'DetachUserPolicy' }),
    ).toEqual([]);
    expect(
      firedRules(matcher, failedWithAccessDenied(attachPolicy('arn:aws:iam::aws:policy/AdministratorAccess'))),
    ).toEqual([]);
  });

  it('|contains with a list, ignoring case', () => {
    expect(
      fired(
        record({
          eventSource: 'sts.amazonaws.com',
          eventName: 'GetCallerIdentity',
          userAgent: 'Boto3/1.34.0 Python/3.11 Linux/6.6.9-amd64 (KALI)',
        }),
      ),
    ).toEqual(['Call From An Offensive Security Distribution']);
    expect(
      fired(
        record({
          eventSource: 'sts.amazonaws.com',
          eventName: 'GetCallerIdentity',
          userAgent: 'Boto3/1.34.0 Python/3.11 Linux/6.1.0-18-amd64 (debian)',
        }),
      ),
    ).toEqual([]);
  });

  it('|re is case-sensitive, |re|i is not; |cidr; parentheses, and not', () => {
    expect(fired(getSecret('arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf'))).toEqual([
      'Production Secret Read From Outside The Organisation Network',
    ]);
    expect(fired(getSecret('Prod/payments'))).toEqual(['Production Secret Read From Outside The Organisation Network']);
    // |re without i: PROD/ in an ARN is not prod/
    expect(fired(getSecret('arn:aws:secretsmanager:eu-west-1:111122223333:secret:PROD/db-AbCdEf'))).toEqual([]);
    expect(fired(getSecret('staging/db'))).toEqual([]);
    // |cidr: from the organisation's IPv4 and IPv6 ranges; an IPv4-mapped IPv6 address is the IPv4 one
    expect(fired(getSecret('prod/db', '10.0.4.17'))).toEqual([]);
    expect(fired(getSecret('prod/db', '2001:db8:4f12::7'))).toEqual([]);
    expect(fired(getSecret('prod/db', '::ffff:10.1.2.3'))).toEqual([]);
    expect(fired(getSecret('prod/db', '2001:db8:5000::7'))).toEqual([
      'Production Secret Read From Outside The Organisation Network',
    ]);
    expect(fired(getSecret('prod/db', '11.0.4.17'))).toEqual([
      'Production Secret Read From Outside The Organisation Network',
    ]);
    // a call AWS made from its own network names the service instead of an address
    expect(fired(getSecret('prod/db', 'lambda.amazonaws.com'))).toEqual([
      'Production Secret Read From Outside The Organisation Network',
    ]);
  });

  it('|contains|all: every value must be there', () => {
    const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    expect(fired(createPolicy(allowAll))).toEqual(['Policy Allowing Every Action On Every Resource']);
    expect(
      fired(
        createPolicy({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::logs/*' }],
        }),
      ),
    ).toEqual([]);
    expect(
      fired(
        createPolicy({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      ),
    ).toEqual([]);
  });

  it('all of selection_*: the root user acting, console actions included, AWS services acting for it not', () => {
    const rootCall = record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', userIdentity: root });
    expect(fired(rootCall)).toEqual(['Root User Activity']);
    expect(fired({ ...rootCall, userIdentity: { ...root, invokedBy: 'signin.amazonaws.com' } })).toEqual([
      'Root User Activity',
    ]);
    expect(fired({ ...rootCall, userIdentity: { ...root, invokedBy: 'config.amazonaws.com' } })).toEqual([]);
    expect(fired({ ...rootCall, eventType: 'AwsServiceEvent' })).toEqual([]);
    expect(fired({ ...rootCall, userIdentity: { ...root, type: 'IAMUser' } })).toEqual([]);
  });

  it('null: the field is absent or null', () => {
    const deleted = record({
      eventSource: 's3.amazonaws.com',
      eventName: 'DeleteBucket',
      requestParameters: { bucketName: 'old-exports', Host: 's3.amazonaws.com' },
    });
    expect(fired(deleted)).toEqual(['S3 Bucket Deleted']);
    expect(fired({ ...deleted, errorCode: null })).toEqual(['S3 Bucket Deleted']);
    expect(
      fired({ ...deleted, errorCode: 'BucketNotEmpty', errorMessage: 'The bucket you tried to delete is not empty' }),
    ).toEqual([]);
  });

  it('a regular expression that backtracks exponentially elsewhere runs in linear time on hostile field values', () => {
    const hostile = loadRulesFromSources([
      {
        file: 'redos.yml',
        text: "title: ReDoS\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    userAgent|re: '^(a+)+$'\n  condition: sel\n",
      },
    ]);
    const m = compileMatcher(hostile);
    // 50 000 characters: a backtracking engine would take longer than the age of the universe
    expect(
      firedRules(
        m,
        line({ eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', userAgent: `${'a'.repeat(50_000)}!` }),
      ),
    ).toEqual([]);
    expect(
      firedRules(m, line({ eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', userAgent: 'aaaa' })),
    ).toEqual(['ReDoS']);
  });
});

describe('Sigma condition syntax', () => {
  it('binds or < and < not < x of < parentheses', () => {
    expect(parseSigmaCondition('a or b and not c')).toEqual({
      kind: 'or',
      items: [
        { kind: 'id', name: 'a', at: 0 },
        {
          kind: 'and',
          items: [
            { kind: 'id', name: 'b', at: 5 },
            { kind: 'not', item: { kind: 'id', name: 'c', at: 15 } },
          ],
        },
      ],
    });
    expect(parseSigmaCondition('(a or b) and all of them')).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'or',
          items: [
            { kind: 'id', name: 'a', at: 1 },
            { kind: 'id', name: 'b', at: 6 },
          ],
        },
        { kind: 'of', all: true, pattern: 'them', at: 20 },
      ],
    });
    expect(parseSigmaCondition('1 of sel* AND NOT 1 of filter_*')).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'of', all: false, pattern: 'sel*' },
        { kind: 'not', item: { kind: 'of', pattern: 'filter_*' } },
      ],
    });
  });

  it.each([
    ['a and', /found the end of the condition/],
    ['(a or b', /expected "\)"/],
    ['a b', /unexpected "b"/],
    ['sel*', /needs "1 of" or "all of"/],
    ['any of them', /expected "1 of" or "all of"/],
    ['', /empty/],
  ])('rejects %j', (text, message) => {
    expect(() => parseSigmaCondition(text)).toThrow(message);
  });
});

describe('what cannot be translated, and what is not valid Sigma', () => {
  it('rules validate reports each untranslatable rule at file:line:col as skipped, and no error', async () => {
    const dir = join(SIGMA, 'untranslatable');
    const result = await validateRuleFiles([dir]);
    expect(
      result.diagnostics.map(
        (d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`,
      ),
    ).toEqual([
      'aggregation.yml:9:26: warning: Sigma rule "Many Secrets Read" skipped: aggregation conditions ("| count() ...") are not supported: use a cloudwarden stateful rule for thresholds',
      'keywords.yml:7:9: warning: Sigma rule "Keywords Anywhere In The Record" skipped: search identifier "keywords" is a keyword list: keyword searches are not supported on CloudTrail (name the field, e.g. eventName: ...)',
      'meta-filter.yml:6:1: warning: Sigma rule "Leave Out The Deployment Role" skipped: Sigma filters (meta filters applied to other rules) are not supported',
      'unsupported-modifier.yml:8:9: warning: Sigma rule "Download Command Hidden In User Data" skipped: modifier |base64offset is not supported',
      'windows-process.yml:3:5: warning: Sigma rule "Whoami Run On Windows" skipped: logsource product: windows, category: process_creation is not CloudTrail (only product: aws, service: cloudtrail run here)',
    ]);
    expect(result).toMatchObject({ falcoRules: 0, sigmaRules: 0, skipped: 5 });
  });

  it('invalid Sigma is an error at file:line:col; detect refuses to start on the first one', async () => {
    const dir = join(SIGMA, 'invalid');
    const result = await validateRuleFiles([dir]);
    expect(
      result.diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column}: ${d.severity}`),
    ).toEqual([
      'lookbehind-regex.yml:8:40: error',
      'misspelt-modifier.yml:8:9: error',
      'undefined-identifier.yml:10:34: error',
    ]);
    expect(result.diagnostics[1]?.message).toMatch(/^Sigma rule "Misspelt Modifier": unknown modifier \|contians/);
    expect(result.diagnostics[2]?.message).toBe(
      'Sigma rule "Undefined Search Identifier": condition names "filtr", which is not a search identifier of this rule',
    );
    await expect(loadRules({ builtin: false, files: [join(dir, 'undefined-identifier.yml')] })).rejects.toThrow(
      UserError,
    );
  });

  it.each([
    ['|all on one value', 'eventName|all: StopLogging', '', /\|all needs a list of two or more values/],
    ['|i before |re', 'eventName|i|re: Stop', '', /qualifies \|re and must follow it/],
    ['|contains with |startswith', 'eventName|contains|startswith: Stop', '', /cannot be combined/],
    ['|exists with a string', "errorCode|exists: 'yes'", '', /\|exists takes true or false/],
    [
      '|cidr on a name',
      'sourceIPAddress|cidr: corp-network',
      '',
      /invalid \|cidr range: "corp-network" is not a CIDR range/,
    ],
    ['|cidr with |contains', 'sourceIPAddress|cidr|contains: 10.0.0.0/8', '', /\|cidr takes no other modifier/],
    ['an unknown level', 'eventName: StopLogging', 'level: severe\n', /unknown level "severe"/],
  ])('%s is an error', (_, selection, extra, message) => {
    const text = `title: T\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    ${selection}\n  condition: sel\n${extra}`;
    expect(() => loadRulesFromSources([{ file: 'r.yml', text }])).toThrow(message);
  });
});

describe('Falco and Sigma rules side by side (test/fixtures/detect/sigma/mixed)', () => {
  it('both kinds alert on the same records, identically on the main thread and on worker threads', async () => {
    const rules = await loadRules({ builtin: false, files: [join(SIGMA, 'mixed')] });
    const records = [
      stopLogging,
      record({ ...stopLogging, eventID: 'a1', userAgent: 'aws-cli/2.15.0 Linux/6.6.9-amd64 (kali)' }),
      JSON.parse(failedWithAccessDenied(stopLogging)) as object,
      record({ eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', eventID: 'a2' }),
    ];
    const units = async function* (): AsyncGenerator<DetectionUnit> {
      for (let i = 0; i < 3; i++)
        yield {
          label: `part-${i}.json`,
          task: { kind: 'bytes', data: new TextEncoder().encode(JSON.stringify({ Records: records })) },
        };
    };
    const run = async (workers: number) => {
      const alerts: Alert[] = [];
      await runDetection(units(), {
        matcher: compileMatcher(rules),
        recipe: engineRecipe(rules.sources.map((s) => ({ ...s }))),
        workers,
        workerThresholdBytes: 0,
        strict: false,
        onAlert: (a) => void alerts.push(a),
        onProblem: (problem) => {
          throw new Error(problem);
        },
      });
      return alerts.map((a) => `${a.eventID} ${a.priority} ${a.rule}`);
    };
    const inline = await run(0);
    expect(inline.slice(0, 4)).toEqual([
      '0d4f1c77-2b3a-4e5f-8a9b-1c2d3e4f5a6b WARNING Falco Trail Stopped',
      '0d4f1c77-2b3a-4e5f-8a9b-1c2d3e4f5a6b CRITICAL CloudTrail Trail Stopped or Deleted',
      'a1 WARNING Falco Trail Stopped',
      'a1 CRITICAL CloudTrail Trail Stopped or Deleted',
    ]);
    expect(inline[4]).toBe('a1 WARNING Call From An Offensive Security Distribution');
    expect(inline).toHaveLength(15);
    expect(await run(2)).toEqual(inline);
  });
});
