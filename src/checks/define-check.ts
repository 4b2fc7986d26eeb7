import type { z } from 'zod';
import type { AccountState, OperationName, ResourceKind, ResourceOfKind } from '../model/account-state.ts';
import type { Severity } from '../findings/severity.ts';

export interface Remediation {
  /** Terraform that fixes it (HCL) */
  terraform: string;
  /** AWS CLI commands that fix it */
  cli: string;
  /** console steps */
  console: string;
}

/** What `evaluate` returns: `unknown` is for evidence the check itself finds inconclusive. */
export type Verdict =
  | { status: 'pass'; message: string }
  | { status: 'fail'; message: string }
  | { status: 'unknown'; message: string; reason: string };

/** Options of a check without any: `{}`. */
export type NoOptions = Record<string, never>;

export interface CheckContext<O extends object = NoOptions> {
  state: AccountState;
  /** the check's options: the config file's values (`--config`), defaults for the rest */
  options: O;
}

/**
 * A check's options, like an ESLint rule's: a strict zod object whose every field has a default and a
 * `.describe()` text, so `{}` parses to the defaults and `checks show` / the docs can list them.
 */
export type OptionsSchema<O extends object = object> = z.ZodType<O>;

export interface CheckDefinition<K extends ResourceKind = ResourceKind, O extends object = NoOptions> {
  /** kebab-case, equal to the file name, public and stable */
  id: string;
  /** ids of the same control in other tools: trivy `AVD-AWS-00xx`, Security Hub FSBP `S3.8`… */
  aliases: string[];
  service: string;
  resource: K;
  severity: Severity;
  title: string;
  description: string;
  remediation: Remediation;
  references: string[];
  /**
   * Snapshot operations `evaluate` reads. When one is missing or failed the engine makes the
   * result `unknown` naming the error, so `evaluate` only ever sees real data.
   */
  needs: OperationName[];
  /** added to the message when the evidence could not be read (e.g. another way to verify the control) */
  unknownHint?: string;
  /** CloudTrail event names that can change the verdict (used by `watch`) */
  triggers: string[];
  /** what users may set in the config file's `checks.<id>` section; absent when the check has no options */
  options?: OptionsSchema<O>;
  // a method, so that a check with options is still a `Check` (whose options are some object)
  evaluate(resource: ResourceOfKind<K>, context: CheckContext<O>): Verdict;
}

/** A check of any resource kind (a union, so each keeps its own `evaluate` parameter type). */
export type Check = { [K in ResourceKind]: CheckDefinition<K, object> }[ResourceKind];

/**
 * Identity function that fixes the resource type for `evaluate` and the type of its options from the
 * `options` schema (like ESLint's `createRule`).
 */
export function defineCheck<K extends ResourceKind, O extends object = NoOptions>(
  definition: CheckDefinition<K, O>,
): CheckDefinition<K, O> {
  return definition;
}

export function pass(message: string): Verdict {
  return { status: 'pass', message };
}

export function fail(message: string): Verdict {
  return { status: 'fail', message };
}

export function inconclusive(message: string, reason: string): Verdict {
  return { status: 'unknown', message, reason };
}
