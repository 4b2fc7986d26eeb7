import { z } from 'zod';
import type { ClientConstructor, DestroyableClient } from '../aws/clients.ts';
import { perResourceResponses, responseOr } from '../model/response-schema.ts';
import { regionName } from '../model/regional-schema.ts';

/** What an operation's request and follow-ups may depend on: the account and region being collected. */
export interface OperationContext {
  region: string;
  accountId: string;
  partition: string;
}

/**
 * How a paginated API names its continuation. Every page's `items` lists are concatenated into ONE stored
 * response without the token fields (the snapshot rule), so a listing reads the same whatever its page count.
 */
export interface Pagination {
  /** request field that carries the token (`NextToken`, `Marker`, `nextToken`) */
  input: string;
  /** response field holding the next page's token */
  output: string;
  /** response flag that must be true for another page to follow (IAM `IsTruncated`, KMS `Truncated`) */
  more?: string;
  /** the lists each page holds */
  items: readonly string[];
  /** other response fields that only steer pagination (CloudFront echoes the request's `Marker`) */
  drop?: readonly string[];
}

/** One SDK command class (its constructor takes the request input). */
export type CommandClass = new (input: never) => object;

/**
 * A call made once per resource, after the listings that name the resources: stored as `{ "<ARN or id>": answer }`
 * one level below the operation's key. No target: the key is left out.
 */
export interface PerResource {
  /** operations whose answers `targets` reads */
  after: readonly string[];
  /** the resources to ask about, each with its key in the snapshot and the request input */
  targets: (answers: Readonly<Record<string, unknown>>, context: OperationContext) => { key: string; input: object }[];
  /** calls per region (or per account for a global service) beyond which the remaining resources say `unknown` */
  max?: number;
}

/** A call asked again until its answer says the work it started is done (IAM's credential report). */
export interface Poll {
  done: (answer: unknown) => boolean;
  attempts: number;
  delayMs: number;
}

export interface OperationDeclaration {
  command: CommandClass;
  /** another service's client (ELB's web ACL comes from WAFv2); default: the service's */
  client?: ClientConstructor<DestroyableClient>;
  /** the request; the pagination token is added to it */
  input?: (context: OperationContext) => object;
  pages?: Pagination;
  perResource?: PerResource;
  /** operations that must be answered first (in addition to `perResource.after`) */
  after?: readonly string[];
  poll?: Poll;
  /** one SDK output as the snapshot keeps it (an inner list, bytes as base64); `$metadata` must be kept */
  page?: (output: Record<string, unknown>) => object;
  /** the concatenated answer as the snapshot keeps it */
  store?: (answer: Record<string, unknown>) => object;
  /** the stored answer's shape: one that does not match is recorded as `UnexpectedResponseShape` */
  response: z.ZodType;
  /** error names that mean "not configured": a fact the checks decide on, not a failure to read */
  notConfigured?: readonly string[];
  /** the IAM actions the call needs (the least-privilege policy is made of these) */
  iam: readonly string[];
}

/** A resource kind a service's results are about: how its ARN is built and how Security Hub names its type. */
export interface ResourceKindDeclaration {
  /** Security Hub resource type (`AwsEc2Instance`) */
  securityHubType: string;
  /** ARN of one resource (`id` is the resource's name or id), or the wildcard of a gap when `id` is `*` */
  arn: (context: OperationContext, id: string) => string;
}

export interface ServiceDefinition<Ops extends Record<string, OperationDeclaration>> {
  /** the snapshot section's key and the `--service` name (`ec2`, `iam`) */
  name: string;
  /** the name users know, for docs and `permissions` */
  title: string;
  /** global: collected once, in the home region, as `snapshot[name]`; regional: `snapshot[name][region]` */
  scope: 'global' | 'regional';
  client: ClientConstructor<DestroyableClient>;
  operations: Ops;
  /** resource kinds results of this service are about; `account` is the service's own account-wide identity */
  resourceKinds?: Record<string, ResourceKindDeclaration>;
}

export interface ServiceDeclaration<Ops extends Record<string, OperationDeclaration> = Record<string, OperationDeclaration>>
  extends ServiceDefinition<Ops> {
  /** the snapshot section, generated from the operations' response shapes */
  section: z.ZodType;
  /** the account-wide resource identity of the service's results: `arn:<partition>:<service>::<account>:account` */
  accountArn: (context: Pick<OperationContext, 'accountId' | 'partition'>) => string;
}

/**
 * One AWS service as cloudwarden collects it. The snapshot section, the `--service` list, the least-privilege
 * policy and the collection itself are all read from this; a service is one folder with one of these.
 */
export function defineService<Ops extends Record<string, OperationDeclaration>>(definition: ServiceDefinition<Ops>): ServiceDeclaration<Ops> {
  for (const [name, op] of Object.entries(definition.operations)) {
    for (const dependency of [...(op.after ?? []), ...(op.perResource?.after ?? [])]) {
      if (!(dependency in definition.operations)) throw new Error(`${definition.name}:${name} waits for ${dependency}, which the service does not declare`);
    }
  }
  const fields: Record<string, z.ZodType> = {};
  for (const [name, op] of Object.entries(definition.operations)) {
    fields[name] = (op.perResource ? perResourceResponses(op.response) : responseOr(op.response)).optional();
  }
  const entry = z.strictObject(fields);
  return {
    ...definition,
    section: definition.scope === 'global' ? entry : z.record(regionName, entry),
    accountArn: ({ accountId, partition }) => `arn:${partition}:${definition.name}::${accountId}:account`,
  };
}
