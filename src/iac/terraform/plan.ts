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
  const lines = text.split('\n');
  return resources
    .filter((r) => r.mode === undefined || r.mode === 'managed')
    .map((r) => {
      const needle = `"address": ${JSON.stringify(r.address)}`;
      const compact = `"address":${JSON.stringify(r.address)}`;
      const index = lines.findIndex((l) => l.includes(needle) || l.includes(compact));
      const line = index >= 0 ? index + 1 : 1;
      return {
        address: r.address,
        type: r.type,
        values: markUnknown(r.values ?? {}, unknowns.get(r.address), r.address) as ObjectValue,
        span: { file: display, startLine: line, endLine: line },
      };
    });
}
