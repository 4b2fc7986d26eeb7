/**
 * The rule engine's public module (what `detect`, workers and `rules` import).
 *   loadRules      rule files -> compiled rules; the first error throws UserError `file:line:col: message`
 *   validateRules  every diagnostic of the given files
 *   compileMatcher compiled rules -> Matcher (matchRaw on raw record text)
 *   serializeRuleSources / loadRulesFromSources  plain data to rebuild the same rules in a worker thread
 */
import { buildRules } from '../rules/build.ts';
import { Reporter } from '../rules/diagnostics.ts';
import { RuleMatcher } from './matcher.ts';
import { builtinSources, readRuleSources } from './rule-files.ts';
import type { LoadedRules } from './loaded-rules.ts';
import type { LoadOptions, Matcher, RuleDiagnostic, RuleSource } from './types.ts';

export type { Alert, LoadOptions, Matcher, MatchOutcome, Priority, RuleDiagnostic, RuleSource, StatefulHit } from './types.ts';
export type { LoadedRules } from './loaded-rules.ts';
export { formatAlertText } from './alert-text.ts';
export { formatDiagnostic } from '../rules/diagnostics.ts';
export { expandRuleFiles } from './rule-files.ts';

/** Builds rules from texts already read (the built-in packs first, when wanted). Throws on the first error. */
export function loadRulesFromSources(sources: readonly RuleSource[]): LoadedRules {
  const reporter = new Reporter(true);
  const built = buildRules(sources, reporter);
  return { ...built, warnings: reporter.warnings, sources: sources.map((s) => ({ ...s })) };
}

export async function loadRules(options: LoadOptions): Promise<LoadedRules> {
  const sources = [...(options.builtin ? await builtinSources() : []), ...(await readRuleSources(options.files))];
  return loadRulesFromSources(sources);
}

export function serializeRuleSources(rules: LoadedRules): RuleSource[] {
  return rules.sources.map((s) => ({ file: s.file, text: s.text }));
}

/**
 * Every error and warning in `files` (files or directories). The built-in packs are loaded first,
 * so files that append to or override a built-in rule validate; diagnostics are reported only for `files`.
 */
export async function validateRules(files: string[]): Promise<RuleDiagnostic[]> {
  return (await checkRuleFiles(files)).diagnostics;
}

export interface RuleFilesCheck {
  diagnostics: RuleDiagnostic[];
  /** rules of `files` that will run */
  loaded: number;
  /** rules of `files` that will not, with why */
  skipped: { name: string; source: string; reason: string }[];
}

/** validateRules, plus what the files add: the rules that load and the ones skipped. */
export async function checkRuleFiles(files: string[]): Promise<RuleFilesCheck> {
  const user = await readRuleSources(files);
  const builtin = await builtinSources();
  const reporter = new Reporter(false);
  const built = buildRules([...builtin, ...user], reporter);
  const userFiles = new Set(user.map((s) => s.file));
  return {
    diagnostics: reporter.diagnostics.filter((d) => userFiles.has(d.file)),
    loaded: built.rules.filter((r) => userFiles.has(r.file)).length,
    skipped: built.skipped.filter((r) => userFiles.has(r.file)),
  };
}

export function compileMatcher(rules: LoadedRules): Matcher {
  return new RuleMatcher(rules);
}
