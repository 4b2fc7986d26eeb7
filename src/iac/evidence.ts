import type { CodeResource } from './code-resource.ts';
import { SNAPSHOT_FORMAT } from '../model/snapshot-schema.ts';
import { firstUnknown, Unknown, type SourceSpan } from './values.ts';

/** The account an IaC snapshot is about: code is not deployed anywhere yet. `data.aws_caller_identity` gives it too. */
export const IAC_ACCOUNT_ID = '000000000000';

/** The error name of a response the code could not resolve: a non-"not configured" error, so checks say unknown. */
export const UNRESOLVED = 'UnresolvedInCode';

/** Where one resource of the snapshot was declared. */
export interface IacResource {
  /** `module.x.aws_s3_bucket.logs[0]`, or a CloudFormation logical id */
  address: string;
  /** `aws_s3_bucket`, `AWS::S3::Bucket` */
  iacType: string;
  span: SourceSpan;
  /** the declaring file's lines, for inline acceptance comments */
  lines?: string[];
}

/**
 * A snapshot built from code, and the side table that says where each part of it was written: per resource ARN,
 * the declaring block, and per operation (`s3:GetBucketVersioning`) the block its answer was synthesised from.
 */
export class IacEvidence {
  readonly snapshot: Record<string, unknown>;
  /** the account this root's code is taken to be deployed in (a placeholder, one per root of the run) */
  constructor(readonly accountId: string = IAC_ACCOUNT_ID) {
    this.snapshot = {
      cloudwarden: SNAPSHOT_FORMAT,
      accountId,
      partition: 'aws',
      collectedAt: new Date().toISOString(),
    };
  }
  readonly resources = new Map<string, IacResource>();
  readonly operations = new Map<string, Map<string, SourceSpan>>();
  /**
   * Per resource ARN, the operations (or check ids, see fieldsFor) whose part of a shared listing (one security group of DescribeSecurityGroups)
   * holds a value the code does not resolve: the checks of that resource that need it say unknown, the others are
   * not held back by it.
   */
  readonly unresolved = new Map<string, Map<string, string>>();

  /** One resource's item of a listing: an unresolved value inside is recorded for it and left out of the item. */
  listed<T>(arn: string, operation: string, item: T): T {
    const unknown = firstUnknown(item);
    if (!unknown) return item;
    let ops = this.unresolved.get(arn);
    if (!ops) {
      ops = new Map<string, string>();
      this.unresolved.set(arn, ops);
    }
    if (!ops.has(operation)) ops.set(operation, unknown.why);
    return withoutUnknowns(item) as T;
  }

  /**
   * One field of a listing that only some checks read (an RDS instance's PubliclyAccessible among the six checks of
   * DescribeDBInstances): the unresolved value makes those checks unknown, keyed by check id, and is left out.
   */
  fieldsFor<T extends Record<string, unknown>>(arn: string, item: T, readers: Record<string, readonly string[]>): T {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(item)) {
      const checks = readers[field];
      if (value instanceof Unknown && checks) {
        let ops = this.unresolved.get(arn);
        if (!ops) {
          ops = new Map<string, string>();
          this.unresolved.set(arn, ops);
        }
        for (const check of checks) if (!ops.has(check)) ops.set(check, value.why);
      } else out[field] = value;
    }
    return out as T;
  }

  declare(arn: string, resource: IacResource): void {
    if (!this.resources.has(arn)) this.resources.set(arn, resource);
  }

  /** Declares the resource of `arn` as the code wrote it. */
  declareCode(arn: string, code: CodeResource): void {
    this.declare(arn, {
      address: code.address,
      iacType: code.type,
      span: code.span,
      ...(code.lines ? { lines: code.lines } : {}),
    });
  }

  /** Records where an operation's answer for a resource came from. */
  source(arn: string, operation: string, span: SourceSpan): void {
    let ops = this.operations.get(arn);
    if (!ops) {
      ops = new Map<string, SourceSpan>();
      this.operations.set(arn, ops);
    }
    ops.set(operation, span);
  }
}

function withoutUnknowns(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(v instanceof Unknown)).map(withoutUnknowns);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !(v instanceof Unknown))
        .map(([k, v]) => [k, withoutUnknowns(v)]),
    );
  return value;
}

/** A synthesised answer, or the error record that makes the checks needing it unknown and says which value. */
export function answer(value: unknown): unknown {
  const unknown = firstUnknown(value);
  return unknown ? { error: { name: UNRESOLVED, message: unknown.why } } : value;
}

export function notConfigured(name: string, message: string): unknown {
  return { error: { name, message } };
}
