import type { Severity } from './severity.ts';

/** `accepted`: a failing or unknown result that an acceptance entry covers (see `acceptance`). */
export type Status = 'pass' | 'fail' | 'unknown' | 'accepted';
export const STATUSES: readonly Status[] = ['pass', 'fail', 'unknown', 'accepted'];

/** Who accepted the risk, why, until when, and what the verdict was before it was accepted. */
export interface Acceptance {
  reason: string;
  acceptedBy?: string;
  /** last day (YYYY-MM-DD, UTC) the acceptance applies */
  expires?: string;
  /** where the entry was written: `file:line` */
  source: string;
  /** the verdict the acceptance covers */
  originalStatus: 'fail' | 'unknown';
}

export interface ResultResource {
  arn: string;
  /** Security Hub resource type name, e.g. `AwsS3Bucket` */
  type: string;
  region: string;
  /** `scan iac`: the resource's address in the code (`module.x.aws_s3_bucket.logs[0]`, a CloudFormation logical id) */
  address?: string;
}

/** `scan iac`: where the evidence of a verdict was written (1-based lines, path relative to the working directory). */
export interface SourceLocation {
  file: string;
  startLine: number;
  endLine: number;
}

/** One check's verdict on one resource: the unit every report, export and store works with. */
export interface Result {
  checkId: string;
  aliases: string[];
  title: string;
  severity: Severity;
  status: Status;
  resource: ResultResource;
  accountId: string;
  message: string;
  /** why the verdict is `unknown` (e.g. `AccessDenied on s3:GetBucketPolicy: Access Denied`) */
  reason?: string;
  /** documentation links, the first being the most specific */
  references: string[];
  /** how to fix it: present on failures */
  remediation?: { terraform: string; cli: string; console: string };
  /** tags of the resource, when collected (for acceptance zones and reports) */
  tags?: Record<string, string>;
  /** `scan iac`: the block the verdict's evidence came from */
  location?: SourceLocation;
  /** present when `status` is `accepted` */
  acceptance?: Acceptance;
}
