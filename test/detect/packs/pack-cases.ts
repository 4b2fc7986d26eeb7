/**
 * Firing and quiet cases for one built-in pack: every rule of the pack has a case, fires on its hostile record,
 * stays quiet on the same call refused with AccessDenied (unless the refusal is the point) and on its lookalikes.
 * Records are built whole, as CloudTrail writes them, by `cloudTrailRecord`.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules } from '../../../src/detect/engine/index.ts';
import { failedWithAccessDenied, firedRules, stratusRecords } from '../engine/support.ts';

export type CtRecord = Record<string, unknown>;

export interface PackCase {
  rule: string;
  fires: CtRecord;
  /** records that must not fire this rule, with why */
  quiet: [CtRecord, string][];
  /** the rule is about an attempt: a refused call fires it too, so the AccessDenied check is skipped */
  attempt?: boolean;
}

export const builtinRules = await loadRules({ builtin: true, files: [] });
export const builtinMatcher = compileMatcher(builtinRules);

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

export const alice = {
  type: 'IAMUser',
  principalId: 'AIDAJQABLZS4A3QDU576Q',
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  userName: 'alice',
};

let sequence = 0;

/** A complete management event by alice from the CLI, unless `extra` says otherwise. */
export function cloudTrailRecord(
  eventSource: string,
  eventName: string,
  requestParameters: unknown,
  responseElements: unknown = null,
  extra: CtRecord = {},
): CtRecord {
  sequence += 1;
  const id = String(sequence).padStart(12, '0');
  const service = eventSource.split('.')[0] as string;
  return {
    eventVersion: '1.09',
    userIdentity: alice,
    eventTime: '2024-09-12T10:15:30Z',
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: `aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.9 md/command#${service}.${eventName.toLowerCase()}`,
    requestParameters,
    responseElements,
    requestID: `7a1c0000-0000-4000-8000-${id}`,
    eventID: `7a1d0000-0000-4000-8000-${id}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${service}.us-east-1.amazonaws.com` },
    ...extra,
  };
}

/** The same call made by an AWS service for the caller (a CloudFormation stack, as CloudTrail records it). */
export function byService(record: CtRecord, service = 'cloudformation.amazonaws.com'): CtRecord {
  return {
    ...record,
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLEDEPLOYROLE:AWSCloudFormation',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/AWSCloudFormation`,
      accountId: ACCOUNT,
      invokedBy: service,
    },
    sourceIPAddress: service,
    userAgent: service,
  };
}

/** The same call with a read-only sibling's name, as a describe/list/get call is recorded. */
export function readOnly(record: CtRecord, eventName: string): CtRecord {
  return { ...record, eventName, readOnly: true, responseElements: null };
}

/** The first record of a Stratus Red Team technique with this event name. */
export function stratusRecord(technique: string, eventName: string): CtRecord {
  const line = (stratusRecords().get(technique) ?? []).find((l) => (JSON.parse(l) as { eventName: string }).eventName === eventName);
  if (!line) throw new Error(`no ${eventName} in ${technique}`);
  return JSON.parse(line) as CtRecord;
}

export function describePack(pack: string, cases: PackCase[]): void {
  describe(`built-in pack ${pack}`, () => {
    it('has a case for every rule of the pack, and no other', () => {
      const inPack = builtinRules.rules.filter((r) => r.file === `builtin:${pack}`).map((r) => r.name);
      expect(inPack.length).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(inPack));
    });

    it.each(cases.map((c, i) => [c.rule, i] as const))('%s fires on its event (case %#)', (rule, i) => {
      expect(firedRules(builtinMatcher, JSON.stringify((cases[i] as PackCase).fires))).toContain(rule);
    });

    const changes = cases.filter((c) => !c.attempt);
    it.each(changes.map((c, i) => [c.rule, i] as const))('%s stays quiet when the call was refused (case %#)', (rule, i) => {
      expect(firedRules(builtinMatcher, failedWithAccessDenied((changes[i] as PackCase).fires))).not.toContain(rule);
    });

    const quiet = cases.flatMap((c) => c.quiet.map(([record, why]) => [c.rule, why, record] as const));
    it.each(quiet)('%s stays quiet: %s', (rule, _why, record) => {
      expect(firedRules(builtinMatcher, JSON.stringify(record))).not.toContain(rule);
    });
  });
}
