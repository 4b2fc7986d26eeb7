import type { IamPrincipal, IamState } from '../../services/iam/model.ts';
import { roleOfInstanceProfile } from '../../services/iam/model.ts';
import { unreadableReason } from '../../model/observed.ts';
import {
  actionMatcher,
  asList,
  describePolicy,
  identityStatements,
  wildcardMatches,
  type IdentityStatement,
} from '../policy/index.ts';

/** The AWS managed policy Systems Manager documents for instance roles (its ARN carries the role's partition). */
export const SSM_CORE_POLICY = 'AmazonSSMManagedInstanceCore';

/**
 * What the SSM agent must be allowed to do before Session Manager can reach the instance: register and report
 * (`ssm:UpdateInstanceInformation`, on the instance) and open the session channel (`ssmmessages:CreateControlChannel`,
 * which has no resource type, so only `Resource: "*"` grants it).
 */
export const SSM_AGENT_ACTIONS = ['ssm:UpdateInstanceInformation', 'ssmmessages:CreateControlChannel'] as const;

export type SessionManagerGrant =
  /** `via`: the policies that allow the actions (AmazonSSMManagedInstanceCore alone when it is attached) */
  | { kind: 'granted'; via: string[] }
  /** `missing`: actions no policy allows; `deniedBy`: statements that deny one of them without a condition */
  | { kind: 'lacking'; missing: string[]; deniedBy: string[] }
  | { kind: 'undecided'; reason: string };

/** The instance profile's role and what it means for Session Manager; `no-role`: IAM was read and no role holds the profile. */
export type InstanceProfileRole =
  | { kind: 'no-profile' }
  | { kind: 'unread'; profileArn: string; reason: string }
  | { kind: 'no-role'; profileArn: string }
  | { kind: 'role'; profileArn: string; role: IamPrincipal; grant: SessionManagerGrant };

/** A statement with the policy it belongs to (`inline policy ssm-agent`) and its name in messages (Sid or `#N`). */
interface PolicyStatement extends IdentityStatement {
  policy: string;
  label: string;
}

/** IAM action matching with wildcards (`ssm:*`, `ssm:Update*`, `*`), case-insensitive; an element that is not a string matches nothing. */
export function actionMatches(patterns: unknown, action: string): boolean {
  return asList(patterns).some((pattern) => typeof pattern === 'string' && actionMatcher(pattern)(action));
}

/** True when the statement covers `action` on `resource` (`*` for actions without a resource type). */
function covers(statement: PolicyStatement, action: string, resource: string): boolean {
  const actionCovered =
    statement.action !== undefined
      ? actionMatches(statement.action, action)
      : statement.notAction !== undefined && !actionMatches(statement.notAction, action);
  if (!actionCovered) return false;
  const matchesResource = (patterns: unknown) =>
    asList(patterns).some((p) => typeof p === 'string' && wildcardMatches(p, resource));
  if (statement.resource !== undefined) return matchesResource(statement.resource);
  return statement.notResource !== undefined && !matchesResource(statement.notResource);
}

/**
 * Whether a role's identity policies let the SSM agent on `instanceArn` work. AmazonSSMManagedInstanceCore attached
 * is enough by itself; otherwise every inline and attached policy is read, and each required action needs an Allow
 * without a condition and no Deny. A policy that could not be read leaves the answer open only when the readable
 * ones do not already grant it. Service control policies and the permissions boundary are not evaluated.
 */
export function sessionManagerGrant(role: IamPrincipal, instanceArn: string): SessionManagerGrant {
  const partition = role.arn.split(':')[1] ?? 'aws';
  const core = role.policies.find((p) => p.arn === `arn:${partition}:iam::aws:policy/${SSM_CORE_POLICY}`);
  const statements: PolicyStatement[] = [];
  const unreadable: string[] = [];
  for (const policy of role.policies) {
    const reason = unreadableReason(policy.document);
    const name = describePolicy(policy, 'name');
    if (reason) unreadable.push(`${name}: ${reason}`);
    else if (policy.document.kind === 'present') {
      for (const st of identityStatements(policy.document.value) ?? [])
        statements.push({ ...st, policy: name, label: st.sid || `#${st.index}` });
    }
  }
  const target = (action: string) => (action.startsWith('ssm:') ? instanceArn : '*');
  const label = (s: PolicyStatement) => `${s.policy} statement ${s.label}`;

  const denies = SSM_AGENT_ACTIONS.flatMap((action) =>
    statements.filter((s) => s.effect === 'Deny' && covers(s, action, target(action))),
  );
  const deniedBy = [...new Set(denies.filter((s) => !s.conditional).map(label))];
  if (deniedBy.length > 0) return { kind: 'lacking', missing: [], deniedBy };
  if (denies.length > 0)
    return { kind: 'undecided', reason: `${[...new Set(denies.map(label))].join(', ')} denies it under a condition` };

  if (core) return { kind: 'granted', via: [SSM_CORE_POLICY] };

  const via = new Set<string>();
  const missing: string[] = [];
  const conditional: string[] = [];
  for (const action of SSM_AGENT_ACTIONS) {
    const allows = statements.filter((s) => s.effect === 'Allow' && covers(s, action, target(action)));
    const unconditional = allows.filter((s) => !s.conditional);
    if (unconditional.length > 0) for (const s of unconditional) via.add(s.policy);
    else if (allows.length > 0) conditional.push(...allows.map(label));
    else missing.push(action);
  }
  if (missing.length === 0 && conditional.length === 0) return { kind: 'granted', via: [...via] };
  if (unreadable.length > 0)
    return { kind: 'undecided', reason: `policies could not be read (${unreadable.join('; ')})` };
  if (missing.length === 0)
    return { kind: 'undecided', reason: `only ${[...new Set(conditional)].join(', ')} allow it, under a condition` };
  return { kind: 'lacking', missing, deniedBy: [] };
}

/** The instance's profile, the role in it, and whether that role lets Session Manager work. */
export function instanceProfileRole(
  iam: IamState,
  instance: { arn: string; instanceProfileArn?: string },
): InstanceProfileRole {
  const profileArn = instance.instanceProfileArn;
  if (!profileArn) return { kind: 'no-profile' };
  const role = roleOfInstanceProfile(iam, profileArn);
  if (role.kind !== 'present') return { kind: 'unread', profileArn, reason: unreadableReason(role) ?? 'no answer' };
  if (!role.value) return { kind: 'no-role', profileArn };
  return { kind: 'role', profileArn, role: role.value, grant: sessionManagerGrant(role.value, instance.arn) };
}
