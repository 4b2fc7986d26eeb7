/** Shared helpers for the rule engine tests: fixtures, Stratus records, and a matcher from YAML text. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMatcher, loadRulesFromSources } from '../../../src/detect/engine/index.ts';
import type { Alert, Matcher } from '../../../src/detect/engine/types.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/cloudtrail/rules/', import.meta.url));
/** third-party data copied into the repository with its licence (test/fixtures/third-party/README.md) */
const SHARED_DATA = fileURLToPath(new URL('../../fixtures/third-party/', import.meta.url));
export const STRATUS_DIR = join(SHARED_DATA, 'stratus-red-team');
export const FALCO_RULES = join(SHARED_DATA, 'falco', 'aws_cloudtrail_rules.yaml');

/** A hand-made record from test/fixtures/cloudtrail/rules, as one compact JSON line (as CloudTrail writes it). */
export function fixtureRecord(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export function fixture(name: string): string {
  return JSON.stringify(fixtureRecord(name));
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/** technique id -> its records as JSON lines */
export function stratusRecords(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of readdirSync(STRATUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const records = JSON.parse(readFileSync(join(STRATUS_DIR, file), 'utf8')) as unknown[];
    out.set(
      basename(file, '.json'),
      records.map((r) => JSON.stringify(r)),
    );
  }
  return out;
}

export function matcherFromYaml(text: string, file = 'rules.yaml'): Matcher {
  return compileMatcher(loadRulesFromSources([{ file, text }]));
}

/** The alerts of one record on its own: a stateful rule's match is not one (test/detect/stateful/ runs those). */
export function alertsOf(matcher: Matcher, line: string): Alert[] {
  const outcome = matcher.matchRaw(line);
  if (outcome.kind === 'bad') throw new Error(`bad record: ${outcome.reason}`);
  return outcome.alerts;
}

export function firedRules(matcher: Matcher, line: string): string[] {
  return alertsOf(matcher, line).map((a) => a.rule);
}

/** The same call refused by IAM, as CloudTrail records it: errorCode/errorMessage set, no response. */
export function failedWithAccessDenied(record: Record<string, unknown>): string {
  return JSON.stringify({
    ...record,
    errorCode: 'AccessDenied',
    errorMessage: `User: ${String((record.userIdentity as { arn?: string } | undefined)?.arn)} is not authorized to perform this operation`,
    responseElements: null,
  });
}
