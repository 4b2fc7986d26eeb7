import type { AppliedPolicy } from '../../services/iam/model.ts';

/**
 * Identity policies (attached to users, roles and groups) read loosely, element by element. `readPolicy` in
 * document.ts is for resource policies: it requires a Principal, which identity policies never have. Values stay
 * as written (a string, a list, or something malformed) so that each check decides what an odd value means.
 */
export interface IdentityStatement {
  /** 1-based position in the Statement list (entries that are not objects keep their place) */
  index: number;
  /** `Sid` when it is a string, even "" */
  sid?: string;
  effect: unknown;
  action?: unknown;
  notAction?: unknown;
  resource?: unknown;
  notResource?: unknown;
  conditional: boolean;
}

/** IAM lets an element be one value or a list of them; absent is an empty list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statements of a policy document (one statement object or a list); undefined when the document is not a JSON object. */
export function identityStatements(document: unknown): IdentityStatement[] | undefined {
  if (document === null || typeof document !== 'object') return undefined;
  return asList((document as { Statement?: unknown }).Statement).flatMap((raw, index): IdentityStatement[] => {
    if (raw === null || typeof raw !== 'object') return [];
    const st = raw as Record<string, unknown>;
    return [
      {
        index: index + 1,
        ...(typeof st.Sid === 'string' ? { sid: st.Sid } : {}),
        effect: st.Effect,
        action: st.Action,
        notAction: st.NotAction,
        resource: st.Resource,
        notResource: st.NotResource,
        conditional: st.Condition !== undefined,
      },
    ];
  });
}

/**
 * A policy as messages name it. `attachment` says how it reaches the principal:
 * `AdministratorAccess (AWS managed, via group Admins)`; `name` is the short form: `inline policy ssm-agent`, or the
 * managed policy's name.
 */
export function describePolicy(policy: AppliedPolicy, form: 'attachment' | 'name' = 'attachment'): string {
  const { type, group } = policy.attachment;
  if (type === 'unlisted group') {
    const policies = `the policies of group ${policy.name}`;
    return form === 'name' ? policies : `${policies} (not in GetAccountAuthorizationDetails)`;
  }
  if (form === 'name') return type === 'inline' ? `inline policy ${policy.name}` : policy.name;
  return `${policy.name} (${type}${group ? `, via group ${group}` : ''})`;
}
