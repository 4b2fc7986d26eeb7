/**
 * The table every built-in pack's test file runs: each rule fires on its hostile records, stays quiet on its
 * benign lookalikes, and (unless trying is the signal) stays quiet when the same call was refused; every rule
 * of the pack has a case; and each Stratus Red Team technique the pack claims raises an alert tagged with it.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadRules } from '../../../src/detect/engine/index.ts';
import { alertsOf, firedRules, stratusRecords } from '../engine/support.ts';
import { refused } from './records.ts';

type Json = Record<string, unknown>;

export interface PackCase {
  rule: string;
  /** records that must fire the rule, with what each shows */
  fires: [Json, string][];
  /** records that must not fire it, with why */
  quiet: [Json, string][];
  /** the rule is about trying, so a refused call fires it too (its refusal is a hostile case, not a quiet one) */
  attempt?: boolean;
}

const packs = await loadRules({ builtin: true, files: [] });
export const builtinMatcher = compileMatcher(packs);

export function describePack(file: string, cases: PackCase[], stratusTechniques: string[]): void {
  const line = (record: Json) => JSON.stringify(record);
  describe(`built-in pack ${file}`, () => {
    it('has a case for every rule of the pack, and every rule is tagged with a MITRE technique and tactic', () => {
      const rules = packs.rules.filter((r) => r.file === `builtin:${file}`);
      expect(rules.length).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(rules.map((r) => r.name)));
      for (const rule of rules) {
        expect(rule.tags.some((t) => /^T\d{4}(\.\d{3})?$/.test(t)), rule.name).toBe(true);
        expect(rule.tags.some((t) => t.startsWith('mitre_')), rule.name).toBe(true);
      }
    });

    const firing = cases.flatMap((c) => c.fires.map(([record, what]) => [c.rule, what, record] as const));
    it.each(firing)('%s fires: %s', (rule, _what, record) => {
      const alert = alertsOf(builtinMatcher, line(record)).find((a) => a.rule === rule);
      expect(alert).toBeDefined();
      // the alert names who, from where, in which account and region
      expect(Object.keys(alert?.output_fields ?? {})).toEqual(expect.arrayContaining(['ct.user.arn', 'ct.srcip', 'ct.region', 'ct.recipientaccountid']));
    });

    const changes = cases.filter((c) => !c.attempt).flatMap((c) => c.fires.map(([record, what]) => [c.rule, what, record] as const));
    it.each(changes)('%s stays quiet when the call was refused: %s', (rule, _what, record) => {
      expect(firedRules(builtinMatcher, line(refused(record)))).not.toContain(rule);
    });

    const quiet = cases.flatMap((c) => c.quiet.map(([record, why]) => [c.rule, why, record] as const));
    it.each(quiet)('%s stays quiet: %s', (rule, _why, record) => {
      expect(firedRules(builtinMatcher, line(record))).not.toContain(rule);
    });

    const stratus = stratusRecords();
    it.each(stratusTechniques)('the Stratus Red Team records of %s raise an alert naming the technique', (technique) => {
      const lines = stratus.get(technique);
      expect(lines, technique).toBeDefined();
      const tags = (lines ?? []).flatMap((l) => alertsOf(builtinMatcher, l).flatMap((a) => a.tags));
      expect(tags).toContain(`stratus_${technique}`);
    });
  });
}
