/**
 * The statements Amazon Inspector needs to write a findings report: the bucket policy statement
 * and the KMS key policy statement of the Inspector user guide ("Exporting findings reports",
 * steps 2 and 3), with the `aws:SourceAccount` / `aws:SourceArn` conditions that keep Inspector
 * from being used as a confused deputy.
 */

export interface ExportTarget {
  accountId: string;
  partition: string;
  /** the region Inspector makes the report in (the bucket and the key must be there too) */
  region: string;
  bucket: string;
  prefix: string;
  kmsKeyArn: string;
}

export type PolicyStatement = Record<string, unknown>;

export const BUCKET_ACTIONS = ['s3:PutObject', 's3:PutObjectAcl', 's3:AbortMultipartUpload'] as const;
export const KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;

/** Regions that are off until an account opts in: there Inspector's principal names the region. */
const OPT_IN_REGIONS = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

export function inspectorServicePrincipal(region: string): string {
  return OPT_IN_REGIONS.has(region) ? `inspector2.${region}.amazonaws.com` : 'inspector2.amazonaws.com';
}

/** Both names Inspector may be granted by. */
export function acceptedServicePrincipals(region: string): string[] {
  return ['inspector2.amazonaws.com', `inspector2.${region}.amazonaws.com`];
}

/** The ARN a report has as `aws:SourceArn` (`report/*` covers every report of the account in the region). */
export function reportSourceArn(target: ExportTarget, reportId = '*'): string {
  return `arn:${target.partition}:inspector2:${target.region}:${target.accountId}:report/${reportId}`;
}

function confusedDeputyConditions(target: ExportTarget): PolicyStatement {
  return {
    StringEquals: { 'aws:SourceAccount': target.accountId },
    ArnLike: { 'aws:SourceArn': reportSourceArn(target) },
  };
}

export const BUCKET_STATEMENT_SID = 'allow-inspector';
export const KEY_STATEMENT_SID = 'Allow Amazon Inspector to use the key';

export function bucketStatement(target: ExportTarget): PolicyStatement {
  return {
    Sid: BUCKET_STATEMENT_SID,
    Effect: 'Allow',
    Principal: { Service: inspectorServicePrincipal(target.region) },
    Action: [...BUCKET_ACTIONS],
    Resource: `arn:${target.partition}:s3:::${target.bucket}/*`,
    Condition: confusedDeputyConditions(target),
  };
}

export function keyStatement(target: ExportTarget): PolicyStatement {
  return {
    Sid: KEY_STATEMENT_SID,
    Effect: 'Allow',
    Principal: { Service: inspectorServicePrincipal(target.region) },
    Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    Resource: '*',
    Condition: confusedDeputyConditions(target),
  };
}

/**
 * The policy with the statement added: a statement with the same Sid is replaced (it is ours from
 * an earlier run, or the user guide's), every other statement is kept as it was.
 */
export function withStatement(policyText: string | undefined, statement: PolicyStatement): Record<string, unknown> {
  const policy: Record<string, unknown> = policyText
    ? (JSON.parse(policyText) as Record<string, unknown>)
    : { Version: '2012-10-17' };
  const existing: unknown[] =
    policy.Statement === undefined ? [] : Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const sid = statement.Sid;
  const index = existing.findIndex((s) => s !== null && typeof s === 'object' && (s as PolicyStatement).Sid === sid);
  const statements = [...existing];
  if (index >= 0) statements[index] = statement;
  else statements.push(statement);
  return { ...policy, Statement: statements };
}
