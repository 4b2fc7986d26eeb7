import { spanOfField, type CodeResource } from '../code-resource.ts';
import { policyArn, type IamDrafts, type PrincipalType } from '../snapshot/iam.ts';
import { isObject, type Value } from '../values.ts';

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

const PRINCIPALS: Record<string, [PrincipalType, string]> = {
  'AWS::IAM::User': ['user', 'UserName'],
  'AWS::IAM::Group': ['group', 'GroupName'],
  'AWS::IAM::Role': ['role', 'RoleName'],
};

/** The standalone inline policy types, each naming one principal. */
const INLINE: Record<string, [PrincipalType, string]> = {
  'AWS::IAM::UserPolicy': ['user', 'UserName'],
  'AWS::IAM::GroupPolicy': ['group', 'GroupName'],
  'AWS::IAM::RolePolicy': ['role', 'RoleName'],
};

/** `Users`, `Groups` and `Roles` of AWS::IAM::Policy and AWS::IAM::ManagedPolicy. */
const TARGETS = [
  ['Users', 'user'],
  ['Groups', 'group'],
  ['Roles', 'role'],
] as const;

/** The name CloudFormation gives a resource without one is generated; `Ref` of it reads the logical id here. */
function nameOf(r: CodeResource, property: string): string {
  const name = r.values[property];
  return typeof name === 'string' ? name : r.address;
}

function pathOf(r: CodeResource): string {
  return typeof r.values.Path === 'string' ? r.values.Path : '/';
}

/**
 * AWS::IAM::ManagedPolicy, User, Group and Role (with `Policies`, `ManagedPolicyArns`, `Groups`), AWS::IAM::Policy
 * and the UserPolicy, GroupPolicy and RolePolicy types, and AWS::IAM::UserToGroupAddition.
 */
export function cfnIam(resources: CodeResource[], drafts: IamDrafts): void {
  for (const r of resources) {
    const v = r.values;
    if (r.type === 'AWS::IAM::ManagedPolicy') {
      drafts.policies.push({
        resource: r,
        name: nameOf(r, 'ManagedPolicyName'),
        path: pathOf(r),
        document: v.PolicyDocument ?? null,
        documentSpan: spanOfField(r, 'PolicyDocument'),
      });
      continue;
    }
    const principal = PRINCIPALS[r.type];
    if (!principal) continue;
    const [type, nameProperty] = principal;
    const p = drafts.principal({
      resource: r,
      type,
      name: nameOf(r, nameProperty),
      path: pathOf(r),
      ...(v.PermissionsBoundary !== undefined ? { permissionsBoundary: v.PermissionsBoundary } : {}),
      ...(type === 'role' && v.AssumeRolePolicyDocument !== undefined
        ? { assumeRolePolicy: v.AssumeRolePolicyDocument }
        : {}),
    });
    for (const policy of list(v.Policies))
      if (isObject(policy))
        p.inline.push({ name: policy.PolicyName ?? r.address, document: policy.PolicyDocument ?? null });
    p.managed.push(...list(v.ManagedPolicyArns));
    if (type === 'user') p.groups.push(...list(v.Groups));
  }
  for (const r of resources) {
    const v = r.values;
    const inline = INLINE[r.type];
    if (inline) {
      drafts
        .named(inline[0], v[inline[1]])
        ?.inline.push({ name: v.PolicyName ?? r.address, document: v.PolicyDocument ?? null });
    } else if (r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy') {
      const managed = r.type === 'AWS::IAM::ManagedPolicy';
      const arn = policyArn(drafts.accountId, pathOf(r), nameOf(r, 'ManagedPolicyName'));
      for (const [property, type] of TARGETS)
        for (const name of list(v[property])) {
          const p = drafts.named(type, name);
          if (!p) continue;
          if (managed) p.managed.push(arn);
          else p.inline.push({ name: v.PolicyName ?? r.address, document: v.PolicyDocument ?? null });
        }
    } else if (r.type === 'AWS::IAM::UserToGroupAddition') {
      for (const user of list(v.Users)) drafts.named('user', user)?.groups.push(v.GroupName ?? null);
    }
  }
}
