/**
 * How a worker thread builds its own matcher: compiled rules are closures and cannot be sent to a thread, so the
 * thread gets a module to import, the function to call and plain data to call it with (the rule sources).
 * Tests pass a recipe for a small test matcher; the command passes `engineRecipe`.
 */
import { siblingModule } from '../../sibling-module.ts';
import type { Matcher, RuleSource } from '../engine/types.ts';

export interface MatcherRecipe {
  /** file URL of an ES module */
  module: string;
  /** name of an export `(input) => Matcher | Promise<Matcher>` */
  exportName: string;
  /** structured-cloneable input */
  input: unknown;
}

export async function matcherFromRecipe(recipe: MatcherRecipe): Promise<Matcher> {
  const loaded = (await import(recipe.module)) as Record<string, unknown>;
  const factory = loaded[recipe.exportName];
  if (typeof factory !== 'function') throw new Error(`${recipe.module} has no function export ${recipe.exportName}`);
  return await (factory as (input: unknown) => Matcher | Promise<Matcher>)(recipe.input);
}

/** The recipe for the real rule engine: the worker rebuilds the matcher from the same rule files' text. */
export function engineRecipe(sources: RuleSource[]): MatcherRecipe {
  return {
    module: siblingModule(import.meta.url, 'engine-matcher'),
    exportName: 'matcherFromRuleSources',
    input: sources,
  };
}
