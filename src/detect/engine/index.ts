/**
 * The rule engine's public module (what `detect`, workers and `rules` import).
 *   loadRules      rule files -> compiled rules; the first error throws UserError `file:line:col: message`
 *   validateRules  every diagnostic of the given files
 *   compileMatcher compiled rules -> Matcher (matchRaw on raw record text)
 *   serializeRuleSources / loadRulesFromSources  plain data to rebuild the same rules in a worker thread
 */
import { buildRules } from '../rules/build.ts';
import { Reporter } from '../rules/diagnostics.ts';
import { SIGMA_SOURCE } from '../rules/sigma/sigma-rule.ts';
import { RuleMatcher } from './matcher.ts';
import { builtinSources, readRuleSources } from './rule-files.ts';
import type { LoadedRules } from './loaded-rules.ts';
import type { LoadOptions, Matcher, RuleDiagnostic, RuleSource } from './types.ts';

export type {
  Alert,
  LoadOptions,
  Matcher,
  MatchOutcome,
  Priority,
  RuleDiagnostic,
  RuleSource,
  StatefulHit,
} from './types.ts';
export type { LoadedRules } from './loaded-rules.ts';
export { falcoOutput, formatAlertText, priorityLabel } from './alert-text.ts';
export { formatDiagnostic } from '../rules/diagnostics.ts';
export { expandRuleFiles } from './rule-files.ts';

/** Builds rules from texts already read (the built-in packs first, when wanted). Throws on the first error. */
export function loadRulesFromSources(sources: readonly RuleSource[]): LoadedRules {
  const reporter = new Reporter(true);
  const built = buildRules(sources, reporter);
  return { ...built, warnings: reporter.warnings, sources: sources.map((s) => ({ ...s })) };
}

export async function loadRules(options: LoadOptions): Promise<LoadedRules> {
  const sources = options.builtin ? await builtinSources() : [];
  // in the order given: a later file may override a rule of an earlier one, wherever each was read from
  for (const path of options.files) {
    sources.push(
      ...(options.remote && path.startsWith('s3://') ? await options.remote(path) : await readRuleSources([path])),
    );
  }
  return loadRulesFromSources(sources);
}

export function serializeRuleSources(rules: LoadedRules): RuleSource[] {
  return rules.sources.map((s) => ({ file: s.file, text: s.text }));
}

/** What `rules validate` found in the files it was given. */
export interface Validation {
  diagnostics: RuleDiagnostic[];
  /** rules of these files that compiled, by kind */
  falcoRules: number;
  sigmaRules: number;
  /** rules of these files left out (other sources, Sigma that cannot run on CloudTrail) */
  skipped: number;
  /** why they were left out, counted: `no source (Falco's default is syscall)`, `2 source k8s_audit` */
  skippedWhy: string;
}

function skippedWhy(skipped: readonly { source: string }[]): string {
  const why = new Map<string, number>();
  for (const rule of skipped) {
    const reason =
      rule.source === 'syscall'
        ? "no source (Falco's default is syscall)"
        : rule.source === SIGMA_SOURCE
          ? 'Sigma that cannot run on CloudTrail (warnings above)'
          : `source ${rule.source}`;
    why.set(reason, (why.get(reason) ?? 0) + 1);
  }
  return [...why].map(([reason, n]) => (why.size === 1 ? reason : `${n} ${reason}`)).join(', ');
}

/**
 * Every error and warning in `files` (files or directories). The built-in packs are loaded first,
 * so files that append to or override a built-in rule validate; diagnostics are reported only for `files`.
 */
export async function validateRuleFiles(files: string[]): Promise<Validation> {
  const user = await readRuleSources(files);
  const builtin = await builtinSources();
  const reporter = new Reporter(false);
  const built = buildRules([...builtin, ...user], reporter);
  const userFiles = new Set(user.map((s) => s.file));
  const loaded = built.rules.filter((r) => userFiles.has(r.file));
  const sigmaRules = loaded.filter((r) => r.declaredSource === SIGMA_SOURCE).length;
  const skipped = built.skipped.filter((r) => userFiles.has(r.file));
  return {
    diagnostics: reporter.diagnostics.filter((d) => userFiles.has(d.file)),
    falcoRules: loaded.length - sigmaRules,
    sigmaRules,
    skipped: skipped.length,
    skippedWhy: skippedWhy(skipped),
  };
}

export async function validateRules(files: string[]): Promise<RuleDiagnostic[]> {
  return (await validateRuleFiles(files)).diagnostics;
}

export function compileMatcher(rules: LoadedRules): Matcher {
  return new RuleMatcher(rules);
}
