import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/define-check.ts';
import { evaluateOn, runChecks } from '../../src/checks/engine.ts';
import { defaultOptions } from '../../src/checks/options.ts';
import { resourcesOf } from '../../src/model/account-state.ts';
import { normalise } from '../../src/model/normalise.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';

export interface CheckCase {
  name: string;
  snapshot: Snapshot;
  /**
   * the resource the case is about; defaults to the only resource of the check's kind. A wildcard ARN
   * (`arn:aws:ec2:us-east-1:123456789012:network-acl/*`) names a gap: resources a failed listing hid.
   */
  arn?: string;
  /** text the result message (or the unknown reason) must contain */
  message?: string | RegExp;
  /** the check's options as a config file would set them (ESLint's `options`); defaults when absent */
  options?: Record<string, unknown>;
}

function optionsOf(check: Check, testCase: CheckCase): object {
  if (testCase.options === undefined) return defaultOptions(check);
  if (!check.options) throw new Error(`${check.id} has no options`);
  return check.options.parse(testCase.options);
}

export interface CheckCases {
  pass: CheckCase[];
  fail: CheckCase[];
  unknown: CheckCase[];
}

/** ESLint RuleTester for checks: every case names the outcome a user must see. */
export function testCheck(check: Check, cases: CheckCases): void {
  describe(check.id, () => {
    for (const status of ['pass', 'fail', 'unknown'] as const) {
      it(`has at least one ${status} case`, () => expect(cases[status].length).toBeGreaterThan(0));
      for (const testCase of cases[status]) {
        it(`${status}: ${testCase.name}`, () => {
          const state = normalise(testCase.snapshot);
          const resources = resourcesOf(state, check.resource, check.service);
          const resource = testCase.arn ? resources.find((r) => r.arn === testCase.arn) : resources[0];
          const options = optionsOf(check, testCase);
          const gap = testCase.arn?.includes('*')
            ? runChecks([check], state, new Map([[check.id, options]])).find((r) => r.resource.arn === testCase.arn)
            : undefined;
          if (!resource && !gap) throw new Error(`case has no ${check.resource} resource ${testCase.arn ?? ''}`);
          if (!testCase.arn && resources.length !== 1) throw new Error('case has several resources: name one with arn');
          const verdict = resource
            ? evaluateOn(check, resource, state, options)
            : { status: gap!.status, message: gap!.message, reason: gap!.reason ?? '' };
          expect(verdict.status, verdict.message).toBe(status);
          if (testCase.message !== undefined) {
            const text = verdict.status === 'unknown' ? `${verdict.message} ${verdict.reason}` : verdict.message;
            if (typeof testCase.message === 'string') expect(text).toContain(testCase.message);
            else expect(text).toMatch(testCase.message);
          }
        });
      }
    }
  });
}
