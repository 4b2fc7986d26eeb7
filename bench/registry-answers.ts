// Answers for every operation the service registry declares, made from each operation's response schema, so that a
// bench exercises the call set of today's services (and of every service added later) without a hand-written list.
// An answer fills every field its schema names, optional ones included, and every list with one entry: each listing
// names one resource, so each per-resource follow-up is asked once per region, as in a small real account.
import type { z } from 'zod';
import type { ClientConstructor, DestroyableClient } from '../src/aws/clients.ts';
import type { OperationDeclaration, ServiceDeclaration } from '../src/services/define-service.ts';

/** What a registry operation is, for the client and command class that send it. */
export interface RegistryOperation {
  service: string;
  operation: string;
  declaration: OperationDeclaration;
}

/** zod v4 keeps a schema's definition at `_zod.def`; only the fields this file reads are typed. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  defaultValue?: unknown;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

const ACCOUNT = '100000000000';
const REGION = 'us-east-1';

/**
 * Values a collector filters on before it asks a follow-up (a customer managed symmetric key has its rotation read, an
 * internet-facing ALB its web ACL, the latest revision of a task definition its definition): with them the one
 * resource of each listing is one the follow-ups are asked about. Field names, not operations: a new service's
 * operations are answered whether or not any of these apply to it.
 */
const FIELD_VALUES: Record<string, unknown> = {
  KeyManager: 'CUSTOMER',
  KeySpec: 'SYMMETRIC_DEFAULT',
  Origin: 'AWS_KMS',
  KeyState: 'Enabled',
  Enabled: true,
  Type: 'application',
  Scheme: 'internet-facing',
  taskDefinitionArns: [`arn:aws:ecs:${'us-east-1'}:100000000000:task-definition/bench:1`],
};

/** A string that reads as the field it fills: ARNs, regions, account ids and dates parse where a collector reads them. */
function stringFor(key: string): string {
  if (/arn$/i.test(key)) return `arn:aws:bench:${REGION}:${ACCOUNT}:resource/bench-${key.toLowerCase()}`;
  if (/region|locationconstraint/i.test(key)) return REGION;
  if (/^(account|accountid|owner|ownerid)$/i.test(key)) return ACCOUNT;
  if (/(date|time|at)$/i.test(key)) return '2026-01-01T00:00:00Z';
  if (/url$/i.test(key)) return `https://bench.${REGION}.amazonaws.com/${ACCOUNT}/bench`;
  return `bench-${key.toLowerCase() || 'value'}`;
}

/**
 * A value the schema accepts. `full`: optional fields are filled too (one resource per list); otherwise they are left
 * out (the least answer, used when a polled call must say it is done).
 */
export function sample(schema: z.ZodType, key = '', full = true, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 12) return undefined;
  if (full && key in FIELD_VALUES) return structuredClone(FIELD_VALUES[key]);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [field, inner] of Object.entries(def.shape ?? {})) {
        const innerType = defOf(inner).type;
        if (!full && innerType === 'optional') continue;
        const value = sample(inner, field, full, depth + 1);
        if (value !== undefined) out[field] = value;
      }
      return out;
    }
    case 'array':
      return full ? [sample(def.element!, key, full, depth + 1)] : [];
    case 'tuple':
      return (def.items ?? []).map((item) => sample(item, key, full, depth + 1));
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(def.innerType!, key, full, depth + 1);
    case 'default':
    case 'prefault':
      return sample(def.innerType!, key, full, depth + 1);
    case 'lazy':
      return sample(def.getter!(), key, full, depth + 1);
    case 'pipe':
      return sample(def.in!, key, full, depth + 1);
    case 'union':
      return sample(def.options![0]!, key, full, depth + 1);
    case 'intersection':
      return {
        ...(sample(def.left!, key, full, depth + 1) as object),
        ...(sample(def.right!, key, full, depth + 1) as object),
      };
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'record':
      return full ? { [`bench-${key.toLowerCase() || 'key'}`]: sample(def.valueType!, key, full, depth + 1) } : {};
    case 'string':
      return stringFor(key);
    case 'number':
    case 'int':
      return 1;
    case 'bigint':
      return 1n;
    case 'boolean':
      return false;
    case 'date':
      return new Date('2026-01-01T00:00:00Z');
    case 'null':
      return null;
    case 'undefined':
    case 'void':
      return undefined;
    default:
      // any, unknown, custom: an empty object is what a looseObject field of unknown shape holds most often
      return {};
  }
}

/**
 * Every operation of every service (grouped resources' included), by the client class and command class name that
 * send it: a client class serves several services' commands only through `client` overrides (ELB's web ACL).
 */
export function registryOperations(services: readonly ServiceDeclaration[]): {
  clients: Set<ClientConstructor<DestroyableClient>>;
  byCommand: Map<string, RegistryOperation[]>;
} {
  const clients = new Set<ClientConstructor<DestroyableClient>>();
  const byCommand = new Map<string, RegistryOperation[]>();
  for (const service of services) {
    const operations = [
      ...Object.entries(service.operations),
      ...Object.values(service.groupedResources ?? {}).flatMap((group) => Object.entries(group.operations)),
    ];
    for (const [operation, declaration] of operations) {
      const client = declaration.client ?? service.client;
      clients.add(client);
      const key = commandKey(client.name, declaration.command.name);
      byCommand.set(key, [...(byCommand.get(key) ?? []), { service: service.name, operation, declaration }]);
    }
  }
  return { clients, byCommand };
}

const CONTEXT = { region: REGION, accountId: ACCOUNT, partition: 'aws' };

/**
 * The operation a call is, among those sending the same command (DocumentDB's and Neptune's DescribeDBClusters, EC2's
 * two DescribeSnapshots): the one whose declared request the call's input carries, pagination token aside.
 */
export function operationOf(
  candidates: readonly RegistryOperation[],
  input: Record<string, unknown>,
): RegistryOperation {
  if (candidates.length === 1) return candidates[0]!;
  const sent = JSON.stringify(
    Object.fromEntries(Object.entries(input).filter(([field]) => !/token|marker/i.test(field))),
  );
  return (
    candidates.find((c) => JSON.stringify(c.declaration.input?.(CONTEXT) ?? {}) === sent) ??
    candidates.find((c) => c.declaration.perResource !== undefined) ??
    candidates[0]!
  );
}

export function commandKey(clientName: string, commandName: string): string {
  return `${clientName}:${commandName}`;
}

/** The SDK output an operation answers with: its stored shape, without the fields that would ask for another page. */
export function answerFor({ declaration }: RegistryOperation): Record<string, unknown> {
  let answer = sample(declaration.response) as Record<string, unknown>;
  if (declaration.poll && !declaration.poll.done(answer)) answer = sample(declaration.response, '', false) as never;
  const pages = declaration.pages;
  if (pages) {
    delete answer[pages.output];
    if (pages.more) answer[pages.more] = false;
  }
  return answer;
}
