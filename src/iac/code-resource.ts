import type { ObjectValue, SourceSpan } from './values.ts';

/**
 * One resource as an IaC adapter read it, whichever the language: a Terraform resource instance after
 * count/for_each, or a CloudFormation resource. Values are evaluated; nested blocks are lists of objects.
 */
export interface CodeResource {
  /** `module.x.aws_s3_bucket.logs[0]`, or a CloudFormation logical id */
  address: string;
  /** `aws_s3_bucket`, `AWS::S3::Bucket` */
  type: string;
  values: ObjectValue;
  span: SourceSpan;
  /** the declaring file's lines, for inline acceptance comments above the block */
  lines?: string[];
  /** where each top-level argument or property was written, so a verdict can point at the line that decides it */
  spans?: Record<string, SourceSpan>;
}

/** Where one argument of a resource was written, else the resource itself. */
export function spanOfField(resource: CodeResource, ...fields: string[]): SourceSpan {
  for (const field of fields) {
    const span = resource.spans?.[field];
    if (span) return span;
  }
  return resource.span;
}
