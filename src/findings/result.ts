import type { Severity } from './severity.ts';

export type Status = 'pass' | 'fail' | 'unknown';
export const STATUSES: readonly Status[] = ['pass', 'fail', 'unknown'];

export interface ResultResource {
  arn: string;
  /** Security Hub resource type name, e.g. `AwsS3Bucket` */
  type: string;
  region: string;
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
}
