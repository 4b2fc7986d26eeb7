import type { Check } from '../checks/define-check.ts';
import { CLOUDTRAIL_OPERATIONS } from './snapshot/cloudtrail.ts';
import { EC2_OPERATIONS } from './snapshot/ec2.ts';
import { EFS_OPERATIONS } from './snapshot/efs.ts';
import { IAM_OPERATIONS } from './snapshot/iam.ts';
import { KMS_OPERATIONS } from './snapshot/kms.ts';
import { LAMBDA_OPERATIONS } from './snapshot/lambda.ts';
import { RDS_OPERATIONS } from './snapshot/rds.ts';
import { S3_OPERATIONS } from './snapshot/s3.ts';

/** Every snapshot operation the IaC adapters synthesise from Terraform and CloudFormation. */
export const IAC_OPERATIONS: ReadonlySet<string> = new Set([
  ...S3_OPERATIONS,
  ...EC2_OPERATIONS,
  ...KMS_OPERATIONS,
  ...CLOUDTRAIL_OPERATIONS,
  ...IAM_OPERATIONS,
  ...RDS_OPERATIONS,
  ...LAMBDA_OPERATIONS,
  ...EFS_OPERATIONS,
]);

/**
 * A check runs on code when everything it reads is something code declares: a credential report, GuardDuty
 * findings or an agent's state exist only in a running account.
 */
export function runsOnCode(check: Pick<Check, 'needs'>): boolean {
  return check.needs.length > 0 && check.needs.every((op) => IAC_OPERATIONS.has(op));
}

/** Where a check runs, as `checks list` and the docs show it. */
export function whereCheckRuns(check: Pick<Check, 'needs'>): Array<'cloud' | 'code'> {
  return runsOnCode(check) ? ['cloud', 'code'] : ['cloud'];
}
