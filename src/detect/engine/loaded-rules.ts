import type { SkippedRule } from '../rules/build.ts';
import type { CompiledRule, FieldSlots } from '../rules/compiled.ts';
import type { RuleDiagnostic, RuleSource } from './types.ts';

/** Rules loaded and compiled, ready for `compileMatcher`; re-create in a worker with `loadRulesFromSources`. */
export interface LoadedRules {
  /** every aws_cloudtrail rule, enabled or not, in load order */
  readonly rules: readonly CompiledRule[];
  /** rules for other sources, left out with a warning */
  readonly skipped: readonly SkippedRule[];
  /** warnings and notes from loading (never errors: those throw) */
  readonly warnings: readonly RuleDiagnostic[];
  /** the texts the rules came from, in load order */
  readonly sources: readonly RuleSource[];
  /** the fields the rules read */
  readonly slots: FieldSlots;
}
