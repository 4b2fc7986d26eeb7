import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/catalogue.ts';
import type { Severity } from '../../src/findings/severity.ts';
import {
  awsFsbp,
  FSBP_DECIDED_BY,
  FSBP_MANUAL,
  fsbpControls,
  fsbpScope,
} from '../../src/compliance/frameworks/aws-fsbp.ts';
import { FSBP_CONTROLS, NOT_IN_FSBP } from '../../src/compliance/frameworks/fsbp-controls.ts';

/** What looks like a Security Hub control id among a check's aliases (not `AVD-AWS-0092`, not a Prowler id). */
const SECURITY_HUB_ID = /^[A-Z][A-Za-z0-9]*\.\d+$/;

/**
 * The aws-fsbp mapping as it was written by hand before it was derived from the checks' aliases (96 controls, 92
 * decided; less EventBridge.4, Neptune.9 and WAF.11, which belong to NIST 800-53 and PCI DSS, not FSBP): [id, section, severity, title, checks]. Deriving it must not lose or change any of them; new checks may
 * only add controls, or add checks after these to a control.
 */
const HAND_WRITTEN: [string, string, Severity, string, string[]][] = [
  [
    'Account.1',
    'AWS Account',
    'medium',
    'Security contact information should be provided for an AWS account',
    ['account-security-contact-registered'],
  ],
  [
    'S3.1',
    'Amazon S3',
    'medium',
    'S3 general purpose buckets should have block public access settings enabled',
    ['s3-account-public-access-block'],
  ],
  [
    'S3.2',
    'Amazon S3',
    'critical',
    'S3 general purpose buckets should block public read access',
    ['s3-bucket-acl-not-public', 's3-bucket-policy-not-public'],
  ],
  [
    'S3.3',
    'Amazon S3',
    'critical',
    'S3 general purpose buckets should block public write access',
    ['s3-bucket-acl-not-public', 's3-bucket-policy-public-write'],
  ],
  [
    'S3.5',
    'Amazon S3',
    'medium',
    'S3 general purpose buckets should require requests to use SSL',
    ['s3-bucket-deny-insecure-transport'],
  ],
  [
    'S3.6',
    'Amazon S3',
    'high',
    'S3 general purpose bucket policies should restrict access to other AWS accounts',
    ['s3-bucket-policy-cross-account'],
  ],
  [
    'S3.8',
    'Amazon S3',
    'high',
    'S3 general purpose buckets should block public access',
    ['s3-bucket-public-access-block'],
  ],
  [
    'S3.9',
    'Amazon S3',
    'medium',
    'S3 general purpose buckets should have server access logging enabled',
    ['s3-bucket-logging-enabled'],
  ],
  [
    'S3.12',
    'Amazon S3',
    'medium',
    'ACLs should not be used to manage user access to S3 general purpose buckets',
    ['s3-bucket-owner-enforced'],
  ],
  [
    'S3.13',
    'Amazon S3',
    'low',
    'S3 general purpose buckets should have Lifecycle configurations',
    ['s3-bucket-lifecycle-configured'],
  ],
  ['S3.19', 'Amazon S3', 'critical', 'S3 access points should have block public access settings enabled', []],
  ['S3.24', 'Amazon S3', 'high', 'S3 Multi-Region Access Points should have block public access settings enabled', []],
  ['S3.25', 'Amazon S3', 'low', 'S3 directory buckets should have lifecycle configurations', []],
  [
    'EC2.3',
    'Amazon EC2',
    'medium',
    'Attached Amazon EBS volumes should be encrypted at-rest',
    ['ec2-ebs-volume-encrypted'],
  ],
  [
    'EC2.1',
    'Amazon EC2',
    'critical',
    'Amazon EBS snapshots should not be publicly restorable',
    ['ec2-ebs-snapshot-not-public'],
  ],
  [
    'EC2.2',
    'Amazon EC2',
    'high',
    'VPC default security groups should not allow inbound or outbound traffic',
    ['ec2-default-sg-restricts-all'],
  ],
  ['EC2.6', 'Amazon EC2', 'medium', 'VPC flow logging should be enabled in all VPCs', ['ec2-vpc-flow-logs-enabled']],
  ['EC2.7', 'Amazon EC2', 'medium', 'EBS default encryption should be enabled', ['ec2-ebs-default-encryption']],
  [
    'EC2.8',
    'Amazon EC2',
    'high',
    'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
    ['ec2-instance-imdsv2-required'],
  ],
  [
    'EC2.19',
    'Amazon EC2',
    'critical',
    'Security groups should not allow unrestricted access to ports with high risk',
    ['ec2-sg-no-public-admin-ports'],
  ],
  [
    'EC2.21',
    'Amazon EC2',
    'medium',
    'Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389',
    ['ec2-nacl-no-public-admin-ports'],
  ],
  [
    'EC2.9',
    'Amazon EC2',
    'high',
    'Amazon EC2 instances should not have a public IPv4 address',
    ['ec2-instance-no-public-ipv4'],
  ],
  ['EC2.17', 'Amazon EC2', 'low', 'Amazon EC2 instances should not use multiple ENIs', ['ec2-instance-single-eni']],
  [
    'CloudTrail.1',
    'AWS CloudTrail',
    'high',
    'CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events',
    ['cloudtrail-multi-region-logging'],
  ],
  [
    'CloudTrail.2',
    'AWS CloudTrail',
    'medium',
    'CloudTrail should have encryption at-rest enabled',
    ['cloudtrail-kms-encryption'],
  ],
  [
    'CloudTrail.4',
    'AWS CloudTrail',
    'low',
    'CloudTrail log file validation should be enabled',
    ['cloudtrail-log-file-validation'],
  ],
  [
    'CloudTrail.5',
    'AWS CloudTrail',
    'low',
    'CloudTrail trails should be integrated with Amazon CloudWatch Logs',
    ['cloudtrail-cloudwatch-logs'],
  ],
  [
    'IAM.1',
    'AWS IAM',
    'high',
    'IAM policies should not allow full "*" administrative privileges',
    ['iam-policy-no-full-admin'],
  ],
  [
    'IAM.2',
    'AWS IAM',
    'low',
    'IAM users should not have IAM policies attached',
    ['iam-policies-attached-to-groups-or-roles'],
  ],
  [
    'IAM.3',
    'AWS IAM',
    'medium',
    "IAM users' access keys should be rotated every 90 days or less",
    ['iam-user-access-keys-rotated'],
  ],
  ['IAM.4', 'AWS IAM', 'critical', 'IAM root user access key should not exist', ['iam-root-no-access-keys']],
  [
    'IAM.5',
    'AWS IAM',
    'medium',
    'MFA should be enabled for all IAM users that have a console password',
    ['iam-user-console-mfa'],
  ],
  ['IAM.6', 'AWS IAM', 'critical', 'Hardware MFA should be enabled for the root user', ['iam-root-hardware-mfa']],
  ['IAM.7', 'AWS IAM', 'medium', 'Password policies for IAM users should have strong configurations', []],
  ['IAM.8', 'AWS IAM', 'medium', 'Unused IAM user credentials should be removed', ['iam-user-unused-credentials']],
  [
    'Config.1',
    'Detection services',
    'critical',
    'AWS Config should be enabled and use the service-linked role for resource recording',
    ['config-recorder-all-resources'],
  ],
  ['GuardDuty.1', 'Detection services', 'high', 'GuardDuty should be enabled', ['guardduty-enabled']],
  [
    'Inspector.1',
    'Detection services',
    'high',
    'Amazon Inspector EC2 scanning should be enabled',
    ['inspector2-scanning-enabled'],
  ],
  [
    'Inspector.2',
    'Detection services',
    'high',
    'Amazon Inspector ECR scanning should be enabled',
    ['inspector2-scanning-enabled'],
  ],
  [
    'Inspector.4',
    'Detection services',
    'high',
    'Amazon Inspector Lambda standard scanning should be enabled',
    ['inspector2-scanning-enabled'],
  ],
  ['Macie.1', 'Detection services', 'medium', 'Amazon Macie should be enabled', ['macie2-enabled']],
  [
    'ECR.1',
    'Detection services',
    'high',
    'ECR private repositories should have image scanning configured',
    ['ecr-repository-scanning-enabled'],
  ],
  [
    'ECR.2',
    'Detection services',
    'medium',
    'ECR private repositories should have tag immutability configured',
    ['ecr-repository-tag-immutability'],
  ],
  [
    'RDS.2',
    'Amazon RDS',
    'critical',
    'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration',
    ['rds-instance-not-public'],
  ],
  [
    'RDS.3',
    'Amazon RDS',
    'medium',
    'RDS DB instances should have encryption at-rest enabled',
    ['rds-instance-encrypted'],
  ],
  [
    'RDS.5',
    'Amazon RDS',
    'medium',
    'RDS DB instances should be configured with multiple Availability Zones',
    ['rds-instance-multi-az'],
  ],
  [
    'RDS.8',
    'Amazon RDS',
    'low',
    'RDS DB instances should have deletion protection enabled',
    ['rds-instance-deletion-protection'],
  ],
  [
    'RDS.11',
    'Amazon RDS',
    'medium',
    'RDS instances should have automatic backups enabled',
    ['rds-instance-backups-enabled'],
  ],
  [
    'RDS.13',
    'Amazon RDS',
    'high',
    'RDS automatic minor version upgrades should be enabled',
    ['rds-instance-auto-minor-version-upgrade'],
  ],
  [
    'RDS.6',
    'Amazon RDS',
    'low',
    'Enhanced monitoring should be configured for RDS DB instances',
    ['rds-instance-enhanced-monitoring'],
  ],
  [
    'RDS.9',
    'Amazon RDS',
    'medium',
    'RDS DB instances should publish logs to CloudWatch Logs',
    ['rds-instance-logs-to-cloudwatch'],
  ],
  [
    'RDS.10',
    'Amazon RDS',
    'medium',
    'IAM authentication should be configured for RDS instances',
    ['rds-instance-iam-authentication'],
  ],
  [
    'RDS.17',
    'Amazon RDS',
    'low',
    'RDS DB instances should be configured to copy tags to snapshots',
    ['rds-instance-copy-tags-to-snapshot'],
  ],
  [
    'Lambda.1',
    'AWS Lambda',
    'critical',
    'Lambda function policies should prohibit public access',
    ['lambda-function-not-public'],
  ],
  [
    'Lambda.2',
    'AWS Lambda',
    'medium',
    'Lambda functions should use supported runtimes',
    ['lambda-function-supported-runtime'],
  ],
  [
    'EFS.1',
    'Amazon EFS',
    'medium',
    'Elastic File System should be configured to encrypt file data at-rest using AWS KMS',
    ['efs-file-system-encrypted'],
  ],
  [
    'CloudFront.3',
    'Amazon CloudFront',
    'medium',
    'CloudFront distributions should require encryption in transit',
    ['cloudfront-distribution-https-required'],
  ],
  [
    'CloudFront.6',
    'Amazon CloudFront',
    'medium',
    'CloudFront distributions should have WAF enabled',
    ['cloudfront-distribution-waf-enabled'],
  ],
  [
    'CloudFront.15',
    'Amazon CloudFront',
    'medium',
    'CloudFront distributions should use the recommended TLS security policy',
    ['cloudfront-distribution-tls-policy'],
  ],
  [
    'DynamoDB.2',
    'Amazon DynamoDB',
    'medium',
    'DynamoDB tables should have point-in-time recovery enabled',
    ['dynamodb-table-pitr-enabled'],
  ],
  [
    'DynamoDB.6',
    'Amazon DynamoDB',
    'medium',
    'DynamoDB tables should have deletion protection enabled',
    ['dynamodb-table-deletion-protection'],
  ],
  [
    'SecretsManager.1',
    'AWS Secrets Manager',
    'medium',
    'Secrets Manager secrets should have automatic rotation enabled',
    ['secretsmanager-secret-rotation-enabled'],
  ],
  [
    'SecretsManager.3',
    'AWS Secrets Manager',
    'medium',
    'Remove unused Secrets Manager secrets',
    ['secretsmanager-secret-unused'],
  ],
  [
    'SecretsManager.4',
    'AWS Secrets Manager',
    'medium',
    'Secrets Manager secrets should be rotated within a specified number of days',
    ['secretsmanager-secret-rotated-recently'],
  ],
  [
    'ACM.1',
    'AWS Certificate Manager',
    'medium',
    'Imported and ACM-issued certificates should be renewed after a specified time period',
    ['acm-certificate-not-expiring'],
  ],
  [
    'ACM.2',
    'AWS Certificate Manager',
    'high',
    'RSA certificates managed by ACM should use a key length of at least 2,048 bits',
    ['acm-certificate-rsa-key-size'],
  ],
  ['ECS.4', 'Amazon ECS', 'high', 'ECS containers should run as non-privileged', ['ecs-task-no-privileged-containers']],
  [
    'ECS.5',
    'Amazon ECS',
    'high',
    'ECS containers should be limited to read-only access to root filesystems',
    ['ecs-task-readonly-root-filesystem'],
  ],
  [
    'ECS.8',
    'Amazon ECS',
    'high',
    'Secrets should not be passed as container environment variables',
    ['ecs-task-no-environment-secrets'],
  ],
  ['ECS.12', 'Amazon ECS', 'medium', 'ECS clusters should use Container Insights', ['ecs-cluster-container-insights']],
  [
    'EKS.1',
    'Amazon EKS',
    'high',
    'EKS cluster endpoints should not be publicly accessible',
    ['eks-cluster-endpoint-not-public'],
  ],
  [
    'EKS.3',
    'Amazon EKS',
    'medium',
    'EKS clusters should use encrypted Kubernetes secrets',
    ['eks-cluster-secrets-encrypted'],
  ],
  ['EKS.8', 'Amazon EKS', 'medium', 'EKS clusters should have audit logging enabled', ['eks-cluster-audit-logging']],
  [
    'Opensearch.1',
    'Amazon OpenSearch Service',
    'medium',
    'OpenSearch domains should have encryption at rest enabled',
    ['opensearch-domain-encrypted-at-rest'],
  ],
  [
    'Opensearch.2',
    'Amazon OpenSearch Service',
    'critical',
    'OpenSearch domains should not be publicly accessible',
    ['opensearch-domain-in-vpc'],
  ],
  [
    'Opensearch.3',
    'Amazon OpenSearch Service',
    'medium',
    'OpenSearch domains should encrypt data sent between nodes',
    ['opensearch-domain-node-to-node-encryption'],
  ],
  [
    'Opensearch.5',
    'Amazon OpenSearch Service',
    'medium',
    'OpenSearch domains should have audit logging enabled',
    ['opensearch-domain-audit-logging'],
  ],
  [
    'Opensearch.8',
    'Amazon OpenSearch Service',
    'medium',
    'Connections to OpenSearch domains should be encrypted using the latest TLS security policy',
    ['opensearch-domain-tls-policy'],
  ],
  ['SQS.1', 'Amazon SQS', 'medium', 'Amazon SQS queues should be encrypted at rest', ['sqs-queue-encrypted']],
  ['SQS.3', 'Amazon SQS', 'high', 'SQS queue access policies should not allow public access', ['sqs-queue-not-public']],
  [
    'DocumentDB.1',
    'Amazon DocumentDB',
    'medium',
    'Amazon DocumentDB clusters should be encrypted at rest',
    ['docdb-cluster-encrypted'],
  ],
  [
    'DocumentDB.2',
    'Amazon DocumentDB',
    'medium',
    'Amazon DocumentDB clusters should have an adequate backup retention period',
    ['docdb-cluster-backup-retention'],
  ],
  [
    'DocumentDB.4',
    'Amazon DocumentDB',
    'medium',
    'Amazon DocumentDB clusters should publish audit logs to CloudWatch Logs',
    ['docdb-cluster-audit-logs'],
  ],
  [
    'DocumentDB.5',
    'Amazon DocumentDB',
    'medium',
    'Amazon DocumentDB clusters should have deletion protection enabled',
    ['docdb-cluster-deletion-protection'],
  ],
  [
    'Neptune.1',
    'Amazon Neptune',
    'medium',
    'Neptune DB clusters should be encrypted at rest',
    ['neptune-cluster-encrypted'],
  ],
  [
    'Neptune.2',
    'Amazon Neptune',
    'medium',
    'Neptune DB clusters should publish audit logs to CloudWatch Logs',
    ['neptune-cluster-audit-logs'],
  ],
  [
    'Neptune.4',
    'Amazon Neptune',
    'low',
    'Neptune DB clusters should have deletion protection enabled',
    ['neptune-cluster-deletion-protection'],
  ],
  [
    'Neptune.5',
    'Amazon Neptune',
    'medium',
    'Neptune DB clusters should have automated backups enabled',
    ['neptune-cluster-backup-retention'],
  ],
  [
    'Neptune.7',
    'Amazon Neptune',
    'medium',
    'Neptune DB clusters should have IAM database authentication enabled',
    ['neptune-cluster-iam-authentication'],
  ],
  [
    'Neptune.8',
    'Amazon Neptune',
    'low',
    'Neptune DB clusters should be configured to copy tags to snapshots',
    ['neptune-cluster-copy-tags-to-snapshots'],
  ],
  [
    'WAF.10',
    'AWS WAF',
    'medium',
    'AWS WAF web ACLs should have at least one rule or rule group',
    ['wafv2-web-acl-has-rules'],
  ],
  [
    'EventBridge.3',
    'Amazon EventBridge',
    'low',
    'EventBridge custom event buses should have a resource-based policy attached',
    ['eventbridge-custom-bus-policy-attached'],
  ],
  [
    'KMS.3',
    'AWS KMS',
    'critical',
    'AWS KMS keys should not be deleted unintentionally',
    ['kms-key-not-pending-deletion'],
  ],
];

const catalogue = new Map(
  Object.entries(FSBP_CONTROLS).flatMap(([section, rows]) =>
    rows.map(([id, title, severity]) => [id, { section, title, severity }]),
  ),
);
const listed = new Map(awsFsbp.controls.map((c) => [c.id, c]));

describe('aws-fsbp mapping derived from check aliases', () => {
  it('keeps every control of the hand-written mapping, with its title, severity, section and checks', () => {
    for (const [id, section, severity, title, checks] of HAND_WRITTEN) {
      const control = listed.get(id);
      expect(control, id).toBeDefined();
      expect({ section: control?.section, severity: control?.severity, title: control?.title }, id).toEqual({
        section,
        severity,
        title,
      });
      // a check added later may join the control; the ones that decided it stay, in the same order
      expect(
        control?.checks.filter((check) => checks.includes(check)),
        id,
      ).toEqual(checks);
      if (checks.length === 0 && !CHECKS.some((check) => check.aliases.includes(id))) {
        expect(control?.checks, id).toEqual([]);
      }
    }
  });

  it('lists a control as soon as a check carries its id, with no other edit', () => {
    const added = { id: 'apigateway-stage-logging-enabled', aliases: ['APIGateway.1', 'AVD-AWS-0001'] };
    const before = fsbpControls(CHECKS);
    const after = fsbpControls([...CHECKS, added]);
    expect(before.find((c) => c.id === 'APIGateway.1')).toBeUndefined();
    expect(after.find((c) => c.id === 'APIGateway.1')).toEqual({
      id: 'APIGateway.1',
      title: 'API Gateway REST and WebSocket API execution logging should be enabled',
      section: 'Amazon API Gateway',
      checks: ['apigateway-stage-logging-enabled'],
      severity: 'medium',
    });
    expect(after).toHaveLength(before.length + 1);
    // and joins a control already listed, after the checks that decide it
    const joined = fsbpControls([...CHECKS, { id: 's3-bucket-extra', aliases: ['S3.8'] }]).find((c) => c.id === 'S3.8');
    expect(joined?.checks).toEqual(['s3-bucket-public-access-block', 's3-bucket-extra']);
  });

  it('knows every Security Hub control id a check carries: a typo is an error, not a silently missing control', () => {
    const unknown = CHECKS.flatMap((check) =>
      check.aliases
        .filter((alias) => SECURITY_HUB_ID.test(alias) && !catalogue.has(alias) && !(alias in NOT_IN_FSBP))
        .map((alias) => `${check.id}: ${alias}`),
    );
    expect(unknown).toEqual([]);
  });

  it('lists exactly the controls some check carries, the overridden ones and the manual ones', () => {
    const carried = new Set(CHECKS.flatMap((check) => check.aliases).filter((alias) => catalogue.has(alias)));
    const expected = [...catalogue.keys()].filter(
      (id) => carried.has(id) || id in FSBP_DECIDED_BY || id in FSBP_MANUAL,
    );
    expect(awsFsbp.controls.map((c) => c.id)).toEqual(expected);
    for (const control of awsFsbp.controls) {
      expect(control.checks.length > 0 || control.id in FSBP_MANUAL, control.id).toBe(true);
    }
  });

  it('has no stale manual entry or override', () => {
    const known = new Set(CHECKS.map((c) => c.id));
    for (const [id, reason] of Object.entries(FSBP_MANUAL)) {
      expect(catalogue.has(id), id).toBe(true);
      expect(reason.length, id).toBeGreaterThan(10);
      // once a check carries the control, that check decides it: the manual entry must go
      expect(
        CHECKS.filter((check) => check.aliases.includes(id)).map((c) => c.id),
        id,
      ).toEqual([]);
    }
    for (const [id, checks] of Object.entries(FSBP_DECIDED_BY)) {
      expect(catalogue.has(id), id).toBe(true);
      expect(
        checks.filter((check) => !known.has(check)),
        id,
      ).toEqual([]);
    }
  });

  it('is a clean catalogue: unique ids of Security Hub shape, a title and a severity each, none also in NOT_IN_FSBP', () => {
    const rows = Object.values(FSBP_CONTROLS).flat();
    expect(new Set(rows.map(([id]) => id)).size).toBe(rows.length);
    for (const [id, title, severity] of rows) {
      expect(id, id).toMatch(SECURITY_HUB_ID);
      expect(title.length, id).toBeGreaterThan(10);
      expect(['critical', 'high', 'medium', 'low', 'info'], id).toContain(severity);
      expect(id in NOT_IN_FSBP, id).toBe(false);
    }
    // one prefix, one section: a new control of a known service lands where its service is
    const sectionOf = new Map<string, string>();
    for (const [id, { section }] of catalogue) {
      const prefix = id.slice(0, id.lastIndexOf('.'));
      expect(sectionOf.get(prefix) ?? section, id).toBe(section);
      sectionOf.set(prefix, section);
    }
  });

  it('says what it covers from the mapping itself', () => {
    const scope = fsbpScope(awsFsbp.controls);
    expect(awsFsbp.scope).toBe(scope);
    const decided = awsFsbp.controls.filter((c) => c.checks.length > 0).length;
    expect(scope).toContain(`are listed: ${decided},`);
    for (const id of Object.keys(FSBP_MANUAL)) expect(scope).toContain(`${id} (`);
  });
});
