import { firstUnknown, isObject, textOf, type ObjectValue, type Value } from '../values.ts';

function blocks(values: ObjectValue, name: string): ObjectValue[] {
  const v = values[name];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function scalarOrList(v: Value | undefined): Value | undefined {
  if (!Array.isArray(v)) return v;
  return v.length === 1 ? v[0] : [...v].sort();
}

/**
 * `data "aws_iam_policy_document"` rendered the way the AWS provider renders its `json`: statements in order, a
 * one-item list written as a string, principals and conditions grouped by type. Unknowns stay inside, so a policy
 * built from an unresolved value is unresolved.
 */
export function renderPolicyDocument(values: ObjectValue): Value {
  const statements = blocks(values, 'statement').map((s) => {
    const out: Record<string, Value> = {};
    if (typeof s.sid === 'string' && s.sid !== '') out.Sid = s.sid;
    out.Effect = typeof s.effect === 'string' ? s.effect : 'Allow';
    for (const [key, field] of [
      ['actions', 'Action'],
      ['not_actions', 'NotAction'],
      ['resources', 'Resource'],
      ['not_resources', 'NotResource'],
    ] as const) {
      const v = scalarOrList(s[key]);
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out[field] = v;
    }
    for (const [key, field] of [
      ['principals', 'Principal'],
      ['not_principals', 'NotPrincipal'],
    ] as const) {
      const list = blocks(s, key);
      if (list.length === 0) continue;
      // `type = "*"` with `identifiers = ["*"]` is the provider's spelling of `"Principal": "*"`
      if (list.length === 1 && list[0]?.type === '*') {
        out[field] = '*';
        continue;
      }
      const grouped: Record<string, Value[]> = {};
      for (const p of list)
        (grouped[textOf(p.type)] ??= []).push(...(Array.isArray(p.identifiers) ? p.identifiers : []));
      out[field] = Object.fromEntries(Object.entries(grouped).map(([t, ids]) => [t, scalarOrList(ids) ?? []]));
    }
    const conditions = blocks(s, 'condition');
    if (conditions.length > 0) {
      const c: Record<string, Record<string, Value>> = {};
      for (const cond of conditions) {
        (c[textOf(cond.test)] ??= {})[textOf(cond.variable)] = scalarOrList(cond.values) ?? [];
      }
      out.Condition = c;
    }
    return out;
  });
  const doc: Record<string, Value> = { Version: typeof values.version === 'string' ? values.version : '2012-10-17' };
  if (typeof values.policy_id === 'string') doc.Id = values.policy_id;
  doc.Statement = statements;
  const unknown = firstUnknown(doc);
  return unknown ?? JSON.stringify(doc);
}
