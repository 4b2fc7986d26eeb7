import { appliesToAllS3Actions, isWriteAction, s3ActionsOf } from './actions.ts';
import { describeClause, fencesDeny, restrictsGrant } from './conditions.ts';
import type { PolicyDocument, Statement } from './document.ts';
import { isEveryone, publicPrincipalOf, servicePrincipals } from './principals.ts';
import { wildcardMatches } from './wildcard.ts';

export interface StatementVerdict {
  statement: string;
  public: boolean;
  /** one sentence a user can act on */
  reason: string;
  /** S3 actions the statement allows (expanded from wildcards) */
  actions: string[];
}

/** A Deny that applies to everyone, every action the Allow grants and all its resources. */
function coversGrant(deny: Statement, allow: Statement, allowActions: readonly string[]): boolean {
  if (deny.notPrincipal || deny.notResources || !isEveryone(deny.principal)) return false;
  const denied = new Set(s3ActionsOf(deny));
  const coversActions = allowActions.every((action) => denied.has(action)) || appliesToAllS3Actions(deny);
  if (!coversActions) return false;
  const denyResources = deny.resources ?? [];
  if (allow.notResources) return denyResources.includes('*');
  return (allow.resources ?? []).every((resource) =>
    denyResources.some((pattern) => wildcardMatches(pattern, resource)),
  );
}

/**
 * Deny statements that leave the grant open only to fixed values (e.g. deny everything not from
 * one VPC endpoint): every condition must be such a fence, because conditions are ANDed and a
 * Deny that also requires, say, plain HTTP no longer covers every request.
 */
function fencingDeny(
  allow: Statement,
  allowActions: readonly string[],
  denies: readonly Statement[],
): Statement | undefined {
  return denies.find(
    (deny) => deny.conditions.length > 0 && deny.conditions.every(fencesDeny) && coversGrant(deny, allow, allowActions),
  );
}

function describeActions(actions: readonly string[], statement: Statement): string {
  const written = statement.actions ?? statement.notActions?.map((a) => `NotAction ${a}`) ?? [];
  if (written.length > 0 && written.length <= 3) return written.join(', ');
  return `${actions.length} S3 actions`;
}

/** AWS's verdict on one Allow statement ("The meaning of public"). */
export function judgeAllow(allow: Statement, denies: readonly Statement[]): StatementVerdict {
  const actions = s3ActionsOf(allow);
  const base = { statement: allow.label, actions };
  const who = publicPrincipalOf(allow);
  if (who === undefined) {
    const services = servicePrincipals(allow);
    const whom = services.length > 0 ? `service principal ${services.join(', ')}` : 'fixed principals';
    return { ...base, public: false, reason: `statement ${allow.label} grants ${whom} only` };
  }
  const restriction = allow.conditions.find(restrictsGrant);
  if (restriction) {
    return {
      ...base,
      public: false,
      reason: `statement ${allow.label} grants ${who} but only with ${describeClause(restriction)}`,
    };
  }
  const fence = fencingDeny(allow, actions, denies);
  if (fence) {
    return {
      ...base,
      public: false,
      reason: `statement ${allow.label} grants ${who}, but Deny statement ${fence.label} refuses every request without ${fence.conditions.map(describeClause).join(' and ')}`,
    };
  }
  const conditionNote =
    allow.conditions.length === 0
      ? 'with no condition'
      : `with no condition that fixes who can use it (${allow.conditions.map(describeClause).join('; ')})`;
  return {
    ...base,
    public: true,
    reason: `statement ${allow.label} allows ${who} ${describeActions(actions, allow)} ${conditionNote}`,
  };
}

export interface PublicAnalysis {
  public: boolean;
  reasons: string[];
  publicStatements: string[];
  /** public statements that allow writes or permission changes (IAM access levels Write / Permissions management) */
  publicWriteStatements: string[];
  verdicts: StatementVerdict[];
}

export function analysePublic(document: PolicyDocument): PublicAnalysis {
  const denies = document.statements.filter((s) => s.effect === 'Deny');
  const verdicts = document.statements.filter((s) => s.effect === 'Allow').map((allow) => judgeAllow(allow, denies));
  const publicVerdicts = verdicts.filter((v) => v.public);
  return {
    public: publicVerdicts.length > 0,
    reasons:
      verdicts.length === 0
        ? ['the policy has no Allow statement (Deny statements never grant access)']
        : (publicVerdicts.length > 0 ? publicVerdicts : verdicts).map((v) => v.reason),
    publicStatements: publicVerdicts.map((v) => v.statement),
    publicWriteStatements: publicVerdicts.filter((v) => v.actions.some(isWriteAction)).map((v) => v.statement),
    verdicts,
  };
}
