import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { UserError } from '../../errors.ts';
import { isObject, Unknown, type ObjectValue, type Value } from '../values.ts';
import type { TfResource } from './config.ts';

interface PlanResource {
  address: string;
  mode?: string;
  type: string;
  values?: ObjectValue;
}

interface PlanModule {
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

/** Puts an Unknown wherever `after_unknown` marks a value as known only after apply. */
function markUnknown(values: Value, unknown: unknown, path: string): Value {
  if (unknown === true) return new Unknown(`${path} is known only after apply`);
  if (Array.isArray(unknown)) {
    const list = Array.isArray(values) ? [...values] : [];
    unknown.forEach((u, i) => {
      if (u !== false) list[i] = markUnknown(list[i] ?? null, u, `${path}[${i}]`);
    });
    return list;
  }
  if (isObject(unknown as Value)) {
    const object: ObjectValue = isObject(values) ? { ...values } : {};
    for (const [key, u] of Object.entries(unknown as Record<string, unknown>)) {
      if (u !== false) object[key] = markUnknown(object[key] ?? null, u, `${path}.${key}`);
    }
    return object;
  }
  return values;
}

interface ConfigModule {
  resources?: Array<{ address: string; expressions?: Record<string, { references?: string[] }> }>;
  module_calls?: Record<string, { module?: ConfigModule }>;
}

/** `configuration`'s references per argument, keyed by module call path (no instance keys) and local address. */
function configReferences(module: ConfigModule | undefined, path: string, out: Map<string, string[]>): void {
  if (!module) return;
  for (const r of module.resources ?? [])
    for (const [arg, e] of Object.entries(r.expressions ?? {}))
      if (e.references?.length) out.set(`${path}${r.address}#${arg}`, e.references);
  for (const [name, call] of Object.entries(module.module_calls ?? {}))
    configReferences(call.module, `${path}module.${name}.`, out);
}

const ADDRESS = /^((?:module\.[^.[\]]+(?:\[[^\]]*\])?\.)*)([^.[\]]+\.[^.[\]]+)(\[[^\]]*\])?$/;

/** `module.b["x"].aws_s3_bucket.this[0]` as its module instance, call path, local address and instance key. */
function splitAddress(address: string) {
  const m = ADDRESS.exec(address);
  if (!m) return undefined;
  const prefix = m[1] ?? '';
  return { prefix, callPath: prefix.replace(/\[[^\]]*\]/g, ''), local: m[2] ?? '', key: m[3] ?? '' };
}

/**
 * An argument known only after apply that refers to another resource's `id`, `arn` or `bucket` (the usual
 * `bucket = aws_s3_bucket.logs.id` of a split resource): the plan does not know the value, but the referenced
 * resource's planned values do where that attribute is the name the code gave (a bucket's id is its name).
 */
function resolvedReference(
  references: string[] | undefined,
  at: { prefix: string; key: string },
  planned: Map<string, PlanResource>,
): Value | undefined {
  for (const ref of references ?? []) {
    const m = /^([^.[\]]+\.[^.[\]]+)(?:\[[^\]]*\])?\.(id|arn|bucket)$/.exec(ref);
    if (!m) continue;
    const target = planned.get(`${at.prefix}${m[1]}${at.key}`) ?? planned.get(`${at.prefix}${m[1]}`);
    const name = target?.type === 'aws_s3_bucket' ? target.values?.bucket : undefined;
    if (typeof name === 'string') return m[2] === 'arn' ? `arn:aws:s3:::${name}` : name;
  }
  return undefined;
}

function planModules(module: PlanModule | undefined, out: PlanResource[]): void {
  if (!module) return;
  out.push(...(module.resources ?? []));
  for (const child of module.child_modules ?? []) planModules(child, out);
}

/**
 * Managed resources of a `terraform show -json` plan: the values of `planned_values` (modules included), with
 * what `resource_changes` marks `after_unknown` made Unknown. A plan holds no source lines: each result points at
 * the resource's address in the plan file.
 */
export async function planResources(file: string, cwd: string): Promise<TfResource[]> {
  const text = await readFile(file, 'utf8');
  const display = relative(cwd, file).startsWith('..') ? file : relative(cwd, file);
  let plan: {
    planned_values?: { root_module?: PlanModule };
    configuration?: { root_module?: ConfigModule };
    resource_changes?: Array<{ address: string; change?: { after_unknown?: unknown } }>;
  };
  try {
    plan = JSON.parse(text) as typeof plan;
  } catch (error) {
    throw new UserError(`not valid JSON (${(error as Error).message})`, { file: display });
  }
  if (!plan || typeof plan !== 'object' || !plan.planned_values)
    throw new UserError('is not a `terraform show -json` plan (no planned_values)', { file: display });
  const resources: PlanResource[] = [];
  planModules(plan.planned_values.root_module, resources);
  const unknowns = new Map((plan.resource_changes ?? []).map((c) => [c.address, c.change?.after_unknown]));
  const references = new Map<string, string[]>();
  configReferences(plan.configuration?.root_module, '', references);
  const planned = new Map(resources.map((r) => [r.address, r]));
  const lines = text.split('\n');
  return resources
    .filter((r) => r.mode === undefined || r.mode === 'managed')
    .map((r) => {
      const needle = `"address": ${JSON.stringify(r.address)}`;
      const compact = `"address":${JSON.stringify(r.address)}`;
      const index = lines.findIndex((l) => l.includes(needle) || l.includes(compact));
      const line = index >= 0 ? index + 1 : 1;
      const values = markUnknown(r.values ?? {}, unknowns.get(r.address), r.address) as ObjectValue;
      const at = splitAddress(r.address);
      if (at)
        for (const [arg, v] of Object.entries(values)) {
          if (!(v instanceof Unknown)) continue;
          const known = resolvedReference(references.get(`${at.callPath}${at.local}#${arg}`), at, planned);
          if (known !== undefined) values[arg] = known;
        }
      return {
        address: r.address,
        type: r.type,
        values,
        span: { file: display, startLine: line, endLine: line },
      };
    });
}
