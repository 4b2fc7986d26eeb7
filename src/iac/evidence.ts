import { SNAPSHOT_FORMAT } from '../model/snapshot-schema.ts';
import { firstUnknown, type SourceSpan } from './values.ts';

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
  readonly snapshot: Record<string, unknown> = {
    cloudwarden: SNAPSHOT_FORMAT,
    accountId: IAC_ACCOUNT_ID,
    partition: 'aws',
    collectedAt: new Date().toISOString(),
  };
  readonly resources = new Map<string, IacResource>();
  readonly operations = new Map<string, Map<string, SourceSpan>>();

  declare(arn: string, resource: IacResource): void {
    if (!this.resources.has(arn)) this.resources.set(arn, resource);
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

/** A synthesised answer, or the error record that makes the checks needing it unknown and says which value. */
export function answer(value: unknown): unknown {
  const unknown = firstUnknown(value);
  return unknown ? { error: { name: UNRESOLVED, message: unknown.why } } : value;
}

export function notConfigured(name: string, message: string): unknown {
  return { error: { name, message } };
}
