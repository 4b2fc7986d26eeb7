import { spanOfField, type CodeResource } from '../code-resource.ts';
import type { IamDrafts, PrincipalType } from '../snapshot/iam.ts';
import { isObject, type ObjectValue, type Value } from '../values.ts';

function blocks(v: Value | undefined): ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** A name the provider generates when none is given (`name_prefix`, or nothing) is the address, as references see it. */
function nameOf(r: CodeResource): string {
  return typeof r.values.name === 'string' ? r.values.name : r.address;
}

function pathOf(r: CodeResource): string {
  return typeof r.values.path === 'string' ? r.values.path : '/';
}

const PRINCIPALS: Record<string, PrincipalType> = {
  aws_iam_user: 'user',
  aws_iam_group: 'group',
  aws_iam_role: 'role',
};

/** Inline policies (`aws_iam_role_policy`, …) and policy attachments (`aws_iam_role_policy_attachment`, …). */
const INLINE: Record<string, PrincipalType> = {
  aws_iam_user_policy: 'user',
  aws_iam_group_policy: 'group',
  aws_iam_role_policy: 'role',
};
const ATTACHMENT: Record<string, PrincipalType> = {
  aws_iam_user_policy_attachment: 'user',
  aws_iam_group_policy_attachment: 'group',
  aws_iam_role_policy_attachment: 'role',
};

/**
 * Customer managed policies, users, groups and roles with their inline policies (`inline_policy` blocks and the
 * `_policy` resources), attached policies (`managed_policy_arns`, the `_policy_attachment` resources and
 * `aws_iam_policy_attachment`) and group memberships.
 */
export function tfIam(resources: CodeResource[], drafts: IamDrafts): void {
  for (const r of resources) {
    const v = r.values;
    if (r.type === 'aws_iam_policy') {
      drafts.policies.push({
        resource: r,
        name: nameOf(r),
        path: pathOf(r),
        document: v.policy ?? null,
        documentSpan: spanOfField(r, 'policy'),
      });
      continue;
    }
    const type = PRINCIPALS[r.type];
    if (!type) continue;
    const p = drafts.principal({
      resource: r,
      type,
      name: nameOf(r),
      path: pathOf(r),
      ...(v.permissions_boundary !== undefined ? { permissionsBoundary: v.permissions_boundary } : {}),
      ...(type === 'role' && v.assume_role_policy !== undefined ? { assumeRolePolicy: v.assume_role_policy } : {}),
    });
    for (const b of blocks(v.inline_policy))
      if (b.policy !== undefined && b.policy !== null) p.inline.push({ name: b.name ?? r.address, document: b.policy });
    p.managed.push(...list(v.managed_policy_arns));
  }
  for (const r of resources) {
    const v = r.values;
    const inline = INLINE[r.type];
    const attachment = ATTACHMENT[r.type];
    if (inline) {
      drafts.named(inline, v[inline])?.inline.push({ name: v.name ?? r.address, document: v.policy ?? null });
    } else if (attachment) {
      drafts.named(attachment, v[attachment])?.managed.push(v.policy_arn ?? null);
    } else if (r.type === 'aws_iam_policy_attachment') {
      for (const [field, type] of [
        ['users', 'user'],
        ['groups', 'group'],
        ['roles', 'role'],
      ] as const)
        for (const name of list(v[field])) drafts.named(type, name)?.managed.push(v.policy_arn ?? null);
    } else if (r.type === 'aws_iam_user_group_membership') {
      drafts.named('user', v.user)?.groups.push(...list(v.groups));
    } else if (r.type === 'aws_iam_group_membership') {
      for (const user of list(v.users)) drafts.named('user', user)?.groups.push(v.group ?? null);
    }
  }
}
