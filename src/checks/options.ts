import { z } from 'zod';
import type { Check } from './define-check.ts';

/** Options of each check by id, as a config file set them (validated, defaults filled in). */
export type CheckOptions = ReadonlyMap<string, object>;

/** What a check evaluates with when no config file sets its options. */
export function defaultOptions(check: Check): object {
  return check.options ? check.options.parse({}) : {};
}

const PORT = 'expected a port number 0-65535';
const DAYS = 'expected a whole number of days (1 or more)';

/** A list option of TCP ports (at least one). */
export function portListOption(defaults: readonly number[], description: string) {
  const port = z.number({ error: PORT }).int(PORT).min(0, PORT).max(65535, PORT);
  return z
    .array(port, { error: 'expected a list of port numbers, e.g. [22, 3389]' })
    .min(1, 'expected at least one port')
    .default([...defaults])
    .describe(description);
}

/** A threshold option counted in whole days. */
export function daysOption(defaultDays: number, description: string) {
  return z.number({ error: DAYS }).int(DAYS).min(1, DAYS).default(defaultDays).describe(description);
}

/** One option as `checks show` and the generated docs list it. */
export interface OptionDoc {
  name: string;
  /** e.g. `list of integer 0-65535` */
  type: string;
  /** the default as it would be written in the config file (YAML flow style) */
  default: string;
  description: string;
}

interface JsonSchema {
  type?: string;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
}

function rangeLabel(schema: JsonSchema): string {
  const low =
    schema.minimum ??
    (schema.type === 'integer' && schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  // zod writes the safe-integer limit for every `.int()`: not a limit worth printing
  const high = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
  if (low !== undefined && high !== undefined) return ` ${low}-${high}`;
  if (low !== undefined) return `, ${low} or more`;
  if (high !== undefined) return `, ${high} or less`;
  return '';
}

function typeLabel(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(' or ');
  if (schema.type === 'array') return `list of ${typeLabel(schema.items ?? {})}`;
  if (schema.type === 'integer' || schema.type === 'number') return `${schema.type}${rangeLabel(schema)}`;
  return schema.type ?? 'value';
}

/** A default as a user writes it: `[22, 3389]`, `90`, `"text"`. */
export function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  return JSON.stringify(value) ?? 'none';
}

/** The options a check accepts, in declaration order (empty when it has none). */
export function describeOptions(check: Check): OptionDoc[] {
  if (!check.options) return [];
  const schema = z.toJSONSchema(check.options, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeLabel(property),
    default: yamlValue(property.default),
    description: property.description ?? '',
  }));
}
