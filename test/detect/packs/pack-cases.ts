/**
 * Firing and quiet cases for one built-in pack: every rule of the pack has a case, fires on its hostile record,
 * stays quiet on the same call refused with AccessDenied (unless the refusal is the point) and on its lookalikes;
 * and each Stratus Red Team technique the pack claims raises an alert tagged `stratus_<technique>`.
 * Records are built whole, as CloudTrail writes them, by `cloudTrailRecord`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules } from '../../../src/detect/engine/index.ts';
import { alertsOf, failedWithAccessDenied, firedRules, stratusRecords } from '../engine/support.ts';

export type CtRecord = Record<string, unknown>;

export interface PackCase {
  rule: string;
  fires: CtRecord;
  /** what the hostile record shows, for the test's name */
  shows?: string;
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
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${service}.us-east-1.amazonaws.com`,
    },
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
  const line = (stratusRecords().get(technique) ?? []).find(
    (l) => (JSON.parse(l) as { eventName: string }).eventName === eventName,
  );
  if (!line) throw new Error(`no ${eventName} in ${technique}`);
  return JSON.parse(line) as CtRecord;
}

/** A rule with several hostile records, written once: its quiet lookalikes go with the first. */
export interface RuleCases {
  rule: string;
  fires: [CtRecord, string][];
  quiet: [CtRecord, string][];
  attempt?: boolean;
}

export function expandCases(rules: RuleCases[]): PackCase[] {
  return rules.flatMap((r) =>
    r.fires.map(([fires, shows], i) => ({
      rule: r.rule,
      fires,
      shows,
      quiet: i === 0 ? r.quiet : [],
      attempt: r.attempt,
    })),
  );
}

/** `stratusTechniques`: the Stratus Red Team techniques the pack detects, each of whose records must raise an alert tagged with it */
export function describePack(pack: string, cases: PackCase[], stratusTechniques: string[] = []): void {
  describe(`built-in pack ${pack}`, () => {
    it('has a case for every rule of the pack, and no other', () => {
      const inPack = builtinRules.rules.filter((r) => r.file === `builtin:${pack}`).map((r) => r.name);
      expect(inPack.length).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(inPack));
    });

    it('gives every rule a priority with a one-line rationale on its line', () => {
      const lines = readFileSync(new URL(`../../../src/detect/packs/${pack}`, import.meta.url), 'utf8').split('\n');
      for (const rule of builtinRules.rules.filter((r) => r.file === `builtin:${pack}`)) {
        const end = lines.findIndex((l, i) => i >= rule.line && /^- (rule|macro|list):/.test(l));
        const priority = lines.slice(rule.line - 1, end < 0 ? undefined : end).find((l) => /^\s+priority:/.test(l));
        expect(priority, rule.name).toMatch(/^\s+priority: [A-Z]+ +# \S.{10,}$/);
      }
    });

    it('every output names the caller, ip, region and account', () => {
      for (const rule of builtinRules.rules.filter((r) => r.file === `builtin:${pack}`)) {
        const fields = rule.outputFields.map((f) => f.key);
        expect(fields, rule.name).toEqual(
          expect.arrayContaining(['ct.user.arn', 'ct.srcip', 'ct.region', 'ct.recipientaccountid']),
        );
      }
    });

    it.each(cases.map((c, i) => [c.rule, c.shows ?? 'its event', i] as const))(
      '%s fires on %s (case %#)',
      (rule, _shows, i) => {
        expect(firedRules(builtinMatcher, JSON.stringify((cases[i] as PackCase).fires))).toContain(rule);
      },
    );

    const changes = cases.filter((c) => !c.attempt);
    it.each(changes.map((c, i) => [c.rule, i] as const))(
      '%s stays quiet when the call was refused (case %#)',
      (rule, i) => {
        expect(firedRules(builtinMatcher, failedWithAccessDenied((changes[i] as PackCase).fires))).not.toContain(rule);
      },
    );

    const quiet = cases.flatMap((c) => c.quiet.map(([record, why]) => [c.rule, why, record] as const));
    it.each(quiet)('%s stays quiet: %s', (rule, _why, record) => {
      expect(firedRules(builtinMatcher, JSON.stringify(record))).not.toContain(rule);
    });

    if (stratusTechniques.length > 0) {
      it('tags every rule of an attack pack with a MITRE ATT&CK technique and tactic', () => {
        for (const rule of builtinRules.rules.filter((r) => r.file === `builtin:${pack}`)) {
          expect(
            rule.tags.some((t) => /^T\d{4}(\.\d{3})?$/.test(t)),
            rule.name,
          ).toBe(true);
          expect(
            rule.tags.some((t) => t.startsWith('mitre_')),
            rule.name,
          ).toBe(true);
        }
      });

      const stratus = stratusRecords();
      it.each(stratusTechniques)(
        'the Stratus Red Team records of %s raise an alert naming the technique',
        (technique) => {
          const lines = stratus.get(technique);
          expect(lines, technique).toBeDefined();
          const tags = (lines ?? []).flatMap((l) => alertsOf(builtinMatcher, l).flatMap((a) => a.tags));
          expect(tags).toContain(`stratus_${technique}`);
        },
      );
    }
  });
}
