/** Rebuilds the rule engine's matcher inside a worker thread from the rule files' text (see matcher-recipe.ts). */
import { compileMatcher, loadRulesFromSources } from '../engine/index.ts';
import type { Matcher, RuleSource } from '../engine/types.ts';

export function matcherFromRuleSources(sources: RuleSource[]): Matcher {
  return compileMatcher(loadRulesFromSources(sources));
}
