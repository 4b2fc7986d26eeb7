import type { z } from 'zod';
import type { ClientConstructor, DestroyableClient } from '../aws/clients.ts';

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
  /** a call that only steers collection (S3's ListBuckets, GetBucketLocation): its answer is not kept */
  stored?: false;
}

/** One resource a grouped listing names. */
export interface ListedResource {
  /** its key in the snapshot (S3: the bucket name) */
  key: string;
  /** its region when the listing tells; otherwise `locate` is asked */
  region?: string;
  /** listing fields its entry keeps after `Region` (S3: `CreationDate`, `BucketArn`) */
  entry: Record<string, unknown>;
}

/**
 * Resources whose answers the snapshot groups per resource (`s3.buckets.<name>.<Operation>`, the layout S3 has had
 * since snapshot v1) rather than per operation: `{ "<key>": { Region, ...entry, <Operation>: answer } }`. Each
 * resource is asked in its own region; a region redirect (S3's 301 or SigV4 region mismatch) is followed once, and
 * `--region` leaves out the resources of other regions after every one is listed.
 */
export interface GroupedResources {
  /** what one resource is called in messages (`bucket`) */
  noun: string;
  /** the service operation (not stored) that lists the resources; a failed listing ends the account's run */
  list: string;
  resources: (answer: Record<string, unknown>) => ListedResource[];
  /** the service operation (not stored) asked for a resource the listing gives no region, and its answer's region */
  locate?: { operation: string; region: (answer: Record<string, unknown>) => string | undefined };
  /** the request of every operation of the group */
  input: (key: string) => object;
  /** error names meaning the resource was deleted during the scan: it is left out, with a warning */
  gone?: readonly string[];
  operations: Record<string, OperationDeclaration>;
}

/** The parts of a CloudTrail event that name the resource it changed (parsed from the record). */
export interface ChangeEvent {
  name: string;
  requestParameters: unknown;
  responseElements: unknown;
  /** the record's `resources` (ARN, type) when CloudTrail fills it */
  resources: unknown;
}

/**
 * One resource collected alone, for a change-triggered rescan (`watch`): the service's listings asked with the
 * request narrowed to the resource (EC2 `GroupIds`, RDS `DBInstanceIdentifier`), and the per-resource follow-ups
 * that read only those listings. The snapshot it makes has the layout of a full scan, holding that resource only.
 */
export interface KeyedRead {
  /** the resource kind it re-collects (a check's `resource`) */
  kind: string;
  /** the keys (ids) an event names; none: the event is rescanned as the whole service in its region */
  keys: (event: ChangeEvent) => string[];
  /** listings asked with their request narrowed to the key; the others are not asked */
  narrow: Record<string, (key: string) => object>;
  /** error names of a narrowed listing meaning the resource does not exist: it is resolved as deleted */
  notFound: readonly string[];
  /** the resource's ARN, as the checks' results name it */
  arn: (key: string, context: OperationContext) => string;
  /** events that delete the resource: they rescan it for every check of its kind, which the rescan resolves */
  deletedBy?: readonly string[];
}

export interface ServiceDeclaration<
  Ops extends Record<string, OperationDeclaration> = Record<string, OperationDeclaration>,
> {
  /** the snapshot section's key and the `--service` name (`ec2`, `iam`) */
  name: string;
  /** the name users know, for docs and `permissions` */
  title: string;
  /** global: collected once, in the home region, as `snapshot[name]`; regional: `snapshot[name][region]` */
  scope: 'global' | 'regional';
  client: ClientConstructor<DestroyableClient>;
  operations: Ops;
  /** per-resource calls stored grouped by resource, under the section key they name (`buckets`) */
  groupedResources?: Record<string, GroupedResources>;
  /** single-resource reads for change-triggered rescans; a resource kind without one is rescanned per region */
  keyed?: readonly KeyedRead[];
}

/**
 * One AWS service as cloudwarden collects it: with the snapshot section of its folder's `schema.ts`, the
 * `--service` list, the least-privilege policy and the collection itself are read from this.
 */
export function defineService<Ops extends Record<string, OperationDeclaration>>(
  definition: ServiceDeclaration<Ops>,
): ServiceDeclaration<Ops> {
  for (const [name, op] of Object.entries(definition.operations)) {
    for (const dependency of [...(op.after ?? []), ...(op.perResource?.after ?? [])]) {
      if (!(dependency in definition.operations))
        throw new Error(`${definition.name}:${name} waits for ${dependency}, which the service does not declare`);
    }
  }
  for (const [key, group] of Object.entries(definition.groupedResources ?? {})) {
    for (const steering of [group.list, ...(group.locate ? [group.locate.operation] : [])]) {
      if (definition.operations[steering]?.stored !== false)
        throw new Error(
          `${definition.name}.${key} is steered by ${steering}, which must be a declared, unstored operation`,
        );
    }
  }
  for (const read of definition.keyed ?? []) {
    for (const listing of Object.keys(read.narrow)) {
      if (!(listing in definition.operations))
        throw new Error(
          `${definition.name}'s keyed read of ${read.kind} narrows ${listing}, which it does not declare`,
        );
    }
  }
  return definition;
}
