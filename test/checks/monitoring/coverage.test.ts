import { describe, expect, it } from 'vitest';
import { coverage, type CoverageVerdict } from '../../../src/checks/monitoring/coverage.ts';
import { MONITORING_CONTROLS, type MonitoringControl } from '../../../src/checks/monitoring/controls.ts';
import { parseFilterPattern } from '../../../src/checks/monitoring/filter-pattern.ts';

function decide(control: MonitoringControl, text: string): CoverageVerdict {
  const parsed = parseFilterPattern(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return coverage(parsed.pattern, control.events, text);
}

interface Table {
  control: MonitoringControl;
  covers: string[];
  /** pattern and the events the message must name */
  misses: [string, string[]][];
}

const C = MONITORING_CONTROLS;

/** A "changes" control's list, reversed, unspaced and quoted: the same filter to anyone reading it by meaning. */
function reordered(names: string[], eventSource?: string): string {
  const alternatives = [...names]
    .reverse()
    .map((n) => `($.eventName="${n}")`)
    .join('||');
  return eventSource ? `{(${alternatives})&&$.eventSource="${eventSource}"}` : `{${alternatives}}`;
}

function changes(control: MonitoringControl, eventSource: string, sourceInBenchmark: boolean): Table {
  const names = control.events.map((e) => e.label);
  const last = names[names.length - 1] as string;
  const first = names[0] as string;
  return {
    control,
    covers: [
      control.pattern,
      reordered(names, sourceInBenchmark ? eventSource : undefined),
      `{ $.eventSource = "${eventSource}" && $.readOnly IS FALSE }`,
      `{ ${names.map((n) => `$.eventName = ${n}`).join(' || ')} || $.eventName = "Nothing*" }`,
    ],
    misses: [
      [reordered(names.slice(0, -1)), [last]],
      [`{ ($.eventSource = "${eventSource}") && ($.eventName = ${first}) }`, names.slice(1)],
      [
        `{ ${names.map((n) => `$.eventName = ${n}`).join(' || ')} && $.awsRegion = "us-east-1" }`,
        [`${last} (awsRegion "…")`],
      ],
    ],
  };
}

const tables: Table[] = [
  {
    control: C.unauthorizedApiCalls,
    covers: [
      C.unauthorizedApiCalls.pattern,
      // the v1.2-v1.4 pattern, before the HeadBucket and log-delivery exclusions: broader
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      '{($.errorCode="AccessDenied*")&&($.eventName!="HeadBucket")&&($.sourceIPAddress!="delivery.logs.amazonaws.com")||($.errorCode="*UnauthorizedOperation")}',
      '{ $.errorCode = "*Unauthorized*" || $.errorCode = "Access*" }',
      '{ $.errorCode = * }',
    ],
    misses: [
      ['{ $.errorCode = "AccessDenied*" }', ['calls failing with errorCode "*UnauthorizedOperation"']],
      [
        '{ ($.errorCode = "Client.*") || ($.errorCode = "AccessDenied*") }',
        ['calls failing with errorCode "*UnauthorizedOperation" (errorCode "UnauthorizedOperation")'],
      ],
      [
        '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied") }',
        ['calls failing with errorCode "AccessDenied*" (errorCode "AccessDeniedException")'],
      ],
      [
        '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.readOnly IS FALSE) }',
        ['calls failing with errorCode "AccessDenied*" (readOnly true)'],
      ],
      [
        '{ ($.errorCode = "*UnauthorizedOperation" || $.errorCode = "AccessDenied*") && $.userIdentity.type != "AssumedRole" }',
        [
          'calls failing with errorCode "*UnauthorizedOperation" (userIdentity.type "AssumedRole")',
          'calls failing with errorCode "AccessDenied*" (userIdentity.type "AssumedRole")',
        ],
      ],
    ],
  },
  {
    control: C.consoleSigninWithoutMfa,
    covers: [
      C.consoleSigninWithoutMfa.pattern,
      // the v1.2 pattern, without the IAMUser and Success conditions: broader
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
      '{($.responseElements.ConsoleLogin="Success")&&($.userIdentity.type=="IAMUser")&&($.additionalEventData.MFAUsed!="Yes")&&($.eventName="ConsoleLogin")}',
      '{ $.eventSource = signin.amazonaws.com && $.additionalEventData.MFAUsed != Yes }',
    ],
    misses: [
      [
        '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "No") }',
        ['ConsoleLogin by an IAM user without MFA (additionalEventData.MFAUsed "…")'],
      ],
      [
        '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.sourceIPAddress != "203.0.113.*") }',
        ['ConsoleLogin by an IAM user without MFA (sourceIPAddress "203.0.113.")'],
      ],
      [
        '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed NOT EXISTS) }',
        ['ConsoleLogin by an IAM user without MFA'],
      ],
    ],
  },
  {
    control: C.rootUsage,
    covers: [
      C.rootUsage.pattern,
      '{$.eventType!="AwsServiceEvent"&&$.userIdentity.invokedBy NOT EXISTS&&$.userIdentity.type="Root"}',
      '{ $.userIdentity.type = Root }',
      '{ $.userIdentity.arn = "*:root" }',
    ],
    misses: [
      ['{ $.userIdentity.type = "Root" && $.eventName = "ConsoleLogin" }', ['API calls by the root user']],
      ['{ $.userIdentity.type = "Root" && $.eventType = "AwsApiCall" }', ['ConsoleLogin by the root user']],
      [
        '{ $.userIdentity.type = "Root" && $.eventName != "DeleteUser" }',
        ['API calls by the root user (eventName "DeleteUser")'],
      ],
    ],
  },
  changes(C.iamPolicyChanges, 'iam.amazonaws.com', false),
  changes(C.cloudtrailChanges, 'cloudtrail.amazonaws.com', false),
  {
    control: C.consoleAuthFailures,
    covers: [
      C.consoleAuthFailures.pattern,
      '{($.errorMessage="Failed authentication")&&($.eventName="ConsoleLogin")}',
      '{ $.eventName = ConsoleLogin && $.responseElements.ConsoleLogin = Failure }',
      '{ $.eventSource = "signin.amazonaws.com" && $.errorMessage = "Failed*" }',
    ],
    misses: [
      [
        '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") && ($.userIdentity.type = "IAMUser") }',
        ['failed ConsoleLogin by the root user'],
      ],
      [
        '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") && ($.additionalEventData.MFAUsed = "Yes") }',
        ['failed ConsoleLogin by an IAM user', 'failed ConsoleLogin by the root user'],
      ],
    ],
  },
  changes(C.cmkDisableOrDeletion, 'kms.amazonaws.com', true),
  changes(C.s3BucketPolicyChanges, 's3.amazonaws.com', true),
  changes(C.configChanges, 'config.amazonaws.com', true),
  changes(C.securityGroupChanges, 'ec2.amazonaws.com', false),
  changes(C.naclChanges, 'ec2.amazonaws.com', false),
  changes(C.networkGatewayChanges, 'ec2.amazonaws.com', false),
  changes(C.routeTableChanges, 'ec2.amazonaws.com', true),
  changes(C.vpcChanges, 'ec2.amazonaws.com', false),
  changes(C.organizationsChanges, 'organizations.amazonaws.com', true),
];

describe('metric filter coverage of the CIS monitoring controls', () => {
  it('has a table for every control', () => {
    expect(tables.map((t) => t.control.id).sort()).toEqual(
      Object.values(MONITORING_CONTROLS)
        .map((c) => c.id)
        .sort(),
    );
  });

  for (const { control, covers, misses } of tables) {
    describe(control.id, () => {
      it.each(covers)('covers %s', (pattern) => {
        expect(decide(control, pattern)).toEqual({ kind: 'covers' });
      });
      it.each(misses)('%s misses %j', (pattern, missed) => {
        expect(decide(control, pattern)).toEqual({ kind: 'misses', missed });
      });
    });
  }

  it('covers with an empty pattern (every event) and cannot decide a term pattern', () => {
    expect(decide(C.cloudtrailChanges, '')).toEqual({ kind: 'covers' });
    expect(decide(C.cloudtrailChanges, 'StopLogging')).toMatchObject({
      kind: 'undecided',
      reason: expect.stringContaining('not a JSON filter pattern'),
    });
  });

  it('cannot decide when the two readings of a "*" between letters disagree on a required event', () => {
    const verdict = decide(
      C.cloudtrailChanges,
      '{ $.eventName = "Cr*Trail" || $.eventName = "*Logging" || $.eventName = UpdateTrail || $.eventName = DeleteTrail }',
    );
    expect(verdict).toMatchObject({ kind: 'undecided', reason: expect.stringContaining('CreateTrail') });
  });

  it('reads %regex% values', () => {
    expect(decide(C.cloudtrailChanges, '{ $.eventName = %Trail$|Logging$% }')).toEqual({ kind: 'covers' });
    expect(decide(C.cloudtrailChanges, '{ $.eventName = %^(Create|Delete)Trail$% }')).toEqual({
      kind: 'misses',
      missed: ['UpdateTrail', 'StartLogging', 'StopLogging'],
    });
  });
});
